package io.nekorekten4j.cli;

import picocli.CommandLine;

/** {@code --version}: the version in the jar's manifest, or {@code development} when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {

    /** One line: {@code nekorekten 0.1.0-SNAPSHOT}. */
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"nekorekten " + (version == null ? "development" : version)};
    }
}

package io.nekorekten4j.releasechecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What the README's Install section puts on a user's classpath stays lean: Resilience4j 2.3.0
 * brought the Kotlin standard library (2.9 MB) with it; 2.4.0 does not, and nothing may bring it back.
 */
class DependencyFootprintTest {

    @Test
    void noKotlinStandardLibraryReachesTheUsersClasspath() {
        assertThat(Repository.installClasspath())
                .isNotEmpty()
                .extracting(path -> path.getFileName().toString())
                .noneMatch(name -> name.startsWith("kotlin-") || name.startsWith("annotations-13"));
    }

    @Test
    void theRuntimeClasspathOfTheInstallSectionStaysUnderFiveMegabytes() {
        long bytes = Repository.installClasspath().stream().map(Path::toFile).mapToLong(java.io.File::length).sum();

        // 4.6 MB with adapters-http and adapters-fake today (README, "Dependencies and their updates").
        assertThat(bytes).isLessThan(5_000_000L);
    }
}

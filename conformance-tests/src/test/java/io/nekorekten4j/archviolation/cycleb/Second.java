package io.nekorekten4j.archviolation.cycleb;

import io.nekorekten4j.archviolation.cyclea.First;

/** The other half of a package cycle, breaking {@code no_package_cycles}. Test-only. */
public final class Second {

    /** Uses the first package back. */
    public First previous() {
        return new First();
    }
}

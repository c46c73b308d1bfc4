package io.nekorekten4j.archviolation.cyclea;

import io.nekorekten4j.archviolation.cycleb.Second;

/** One half of a package cycle, breaking {@code no_package_cycles}. Test-only. */
public final class First {

    /** Uses the other package. */
    public Second next() {
        return new Second();
    }
}

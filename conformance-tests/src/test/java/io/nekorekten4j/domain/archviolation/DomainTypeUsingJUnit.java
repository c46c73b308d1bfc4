package io.nekorekten4j.domain.archviolation;

import org.junit.jupiter.api.Assertions;

/** Breaks {@code domain_depends_on_the_jdk_only}: a domain class that uses a library. Test-only. */
public final class DomainTypeUsingJUnit {

    private DomainTypeUsingJUnit() {
    }

    static void check(boolean condition) {
        Assertions.assertTrue(condition);
    }
}

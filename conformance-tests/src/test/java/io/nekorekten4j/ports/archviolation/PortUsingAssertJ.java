package io.nekorekten4j.ports.archviolation;

import org.assertj.core.api.Assertions;

/** Breaks {@code ports_depend_only_on_the_jdk_and_the_domain}: a port class that uses a library. Test-only. */
public final class PortUsingAssertJ {

    private PortUsingAssertJ() {
    }

    static void check(String value) {
        Assertions.assertThat(value).isNotNull();
    }
}

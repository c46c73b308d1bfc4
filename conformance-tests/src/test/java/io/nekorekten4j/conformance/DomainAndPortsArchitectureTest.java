package io.nekorekten4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules, checked on the production classes of {@code domain} and {@code ports}
 * as found on this module's classpath. Test classes are left out: the deliberate violations of
 * {@link ArchitectureRulesTest} live in test packages under the same roots.
 */
class DomainAndPortsArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importDomainAndPorts() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ArchitectureRules.DOMAIN, ArchitectureRules.PORTS);
    }

    @Test
    void theImportHoldsTheDomainAndThePorts() {
        assertThat(classes.contain("io.nekorekten4j.domain.Phone")).isTrue();
        assertThat(classes.contain("io.nekorekten4j.ports.Nekorekten")).isTrue();
        assertThat(classes.stream().map(c -> c.getPackageName()).distinct())
                .as("no test class was imported").noneMatch(p -> p.contains("archviolation"));
    }

    @Test
    void domain_depends_on_the_jdk_only() {
        ArchitectureRules.domain_depends_on_the_jdk_only.check(classes);
    }

    @Test
    void ports_depend_only_on_the_jdk_and_the_domain() {
        ArchitectureRules.ports_depend_only_on_the_jdk_and_the_domain.check(classes);
    }

    @Test
    void no_http_json_or_resilience_type_in_public_signatures_of_ports_or_domain() {
        ArchitectureRules.no_http_json_or_resilience_type_in_public_signatures_of_ports_or_domain.check(classes);
    }

    @Test
    void no_package_cycles() {
        ArchitectureRules.no_package_cycles.check(classes);
    }
}

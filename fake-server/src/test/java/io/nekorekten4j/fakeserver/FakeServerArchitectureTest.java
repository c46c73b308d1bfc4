package io.nekorekten4j.fakeserver;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.nekorekten4j.conformance.ArchitectureRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules of the kit applied to the fake server's main classes. The server is not
 * an adapter but a composition module: it may use the fake adapter, and is exempt from
 * "no adapter depends on another adapter" by name — while the fake itself stays checked.
 */
class FakeServerArchitectureTest {

    private static final String FAKESERVER = ArchitectureRules.ROOT + ".fakeserver";
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(FAKESERVER);
    private static final JavaClasses SERVER_FAKE_DOMAIN_AND_PORTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(FAKESERVER, ArchitectureRules.ROOT + ".fake", ArchitectureRules.DOMAIN, ArchitectureRules.PORTS);

    @Test
    void theImportHoldsTheServersMainClassesAndNoTestClass() {
        assertThat(SERVER.stream().map(JavaClass::getSimpleName))
                .contains("FakeServer", "ApiHandler", "WireJson", "Multipart")
                .doesNotContain("FakeServerArchitectureTest", "FakeServerConformanceSubject");
    }

    @Test
    void no_adapter_depends_on_another_adapter() {
        ArchitectureRules.noAdapterDependsOnAnotherAdapter("fakeserver").check(SERVER_FAKE_DOMAIN_AND_PORTS);
    }

    /** Without the exemption the rule must see the server using the fake: the exemption is needed, and the rule can fail. */
    @Test
    void without_the_exemption_the_server_counts_as_an_adapter_using_the_fake() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() ->
                ArchitectureRules.no_adapter_depends_on_another_adapter.check(SERVER_FAKE_DOMAIN_AND_PORTS));

        assertThat(thrown).isInstanceOf(AssertionError.class).hasMessageContaining("fakeserver");
    }

    /** The two sides of the wire must not share a mapping: the server writes its JSON without the adapter's DTOs. */
    @Test
    void the_server_does_not_use_the_http_adapter() {
        noClasses().that().resideInAPackage(FAKESERVER + "..")
                .should().dependOnClassesThat().resideInAPackage(ArchitectureRules.HTTP + "..")
                .because("the server's JSON is written independently of the HTTP adapter's DTOs")
                .check(SERVER);
    }

    @Test
    void no_package_cycles() {
        ArchitectureRules.no_package_cycles.check(SERVER_FAKE_DOMAIN_AND_PORTS);
    }

    @Test
    void domain_and_ports_rules_hold() {
        ArchitectureRules.domain_depends_on_the_jdk_only.check(SERVER_FAKE_DOMAIN_AND_PORTS);
        ArchitectureRules.ports_depend_only_on_the_jdk_and_the_domain.check(SERVER_FAKE_DOMAIN_AND_PORTS);
        ArchitectureRules.no_http_json_or_resilience_type_in_public_signatures_of_ports_or_domain
                .check(SERVER_FAKE_DOMAIN_AND_PORTS);
    }

    /**
     * This module's own classes, main and test, keep to its packages: it splits no package with
     * another module (issue 10). The import is read from the build output, so it holds exactly
     * this module's classes.
     */
    @Test
    void this_module_declares_only_its_own_packages() {
        JavaClasses own = new ClassFileImporter()
                .importPaths(Path.of("target", "classes"), Path.of("target", "test-classes"));
        assertThat(own.contain(FakeServer.class)).as("main classes imported").isTrue();
        assertThat(own.contain(FakeServerArchitectureTest.class)).as("test classes imported").isTrue();
        ArchitectureRules.classesResideOnlyInTheModulesPackages(FAKESERVER).check(own);
    }

    /** The server's tests use the HTTP adapter through its public API only: none lives in its package. */
    @Test
    void only_adapters_http_declares_the_http_package() {
        JavaClasses http = new ClassFileImporter().importPackages(ArchitectureRules.HTTP);
        assertThat(http.contain("io.nekorekten4j.http.NekorektenHttp")).as("the adapter imported").isTrue();
        ArchitectureRules.only_adapters_http_declares_the_http_package.check(http);
    }
}

package io.nekorekten4j.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.nekorekten4j.conformance.ArchitectureRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules of the kit ({@link ArchitectureRules}) applied to the HTTP adapter's main
 * classes, together with the domain and the ports it builds on (for cycles and public signatures).
 */
class HttpArchitectureTest {

    private static final JavaClasses HTTP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ArchitectureRules.HTTP);
    private static final JavaClasses HTTP_DOMAIN_AND_PORTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ArchitectureRules.HTTP, ArchitectureRules.DOMAIN, ArchitectureRules.PORTS);

    @Test
    void theImportHoldsTheAdaptersMainClassesAndNoTestClass() {
        assertThat(HTTP.stream().map(JavaClass::getSimpleName))
                .contains("NekorektenHttp", "QuotaGate", "Transport")
                .doesNotContain("HttpArchitectureTest", "NekorektenHttpTestSupport");
    }

    @Test
    void no_adapter_depends_on_another_adapter() {
        ArchitectureRules.no_adapter_depends_on_another_adapter.check(HTTP);
    }

    /**
     * The rule looks at top-level {@code *Json} classes only, so the public SPI record
     * {@code RequestBody.Json} is not mistaken for a wire DTO; the real DTOs must be found and kept
     * package-private.
     */
    @Test
    void wire_dtos_stay_package_private() {
        assertThat(HTTP.stream().filter(c -> c.getSimpleName().endsWith("Json")).map(JavaClass::getName))
                .as("wire DTOs found").contains("io.nekorekten4j.http.ReportJson");
        ArchitectureRules.wire_dtos_stay_package_private.check(HTTP);
    }

    @Test
    void no_package_cycles() {
        ArchitectureRules.no_package_cycles.check(HTTP_DOMAIN_AND_PORTS);
    }

    @Test
    void no_http_json_or_resilience_type_in_public_signatures_of_ports_or_domain() {
        ArchitectureRules.no_http_json_or_resilience_type_in_public_signatures_of_ports_or_domain
                .check(HTTP_DOMAIN_AND_PORTS);
    }

    @Test
    void domain_depends_on_the_jdk_only_and_ports_on_the_domain_only() {
        ArchitectureRules.domain_depends_on_the_jdk_only.check(HTTP_DOMAIN_AND_PORTS);
        ArchitectureRules.ports_depend_only_on_the_jdk_and_the_domain.check(HTTP_DOMAIN_AND_PORTS);
    }

    @Test
    void the_quota_gate_and_its_registry_stay_package_private() {
        // Sleeper is public since it is the documented virtual-time hook (VirtualTime); the gate stays internal.
        classes().that().haveSimpleNameStartingWith("QuotaGate").or().haveSimpleName("QuotaRegistry")
                .should().notBePublic()
                .because("the quota gate is an internal of the adapter; users configure it through QuotaPlan and "
                        + "plug a QuotaStore (the public SPI of issue 11) behind it")
                .check(HTTP);
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
        assertThat(own.contain(NekorektenHttp.class)).as("main classes imported").isTrue();
        assertThat(own.contain(HttpArchitectureTest.class)).as("test classes imported").isTrue();
        ArchitectureRules.classesResideOnlyInTheModulesPackages(ArchitectureRules.HTTP).check(own);
    }

    /** With the test classes: no other module on this class path puts a class in the adapter's package. */
    @Test
    void only_adapters_http_declares_the_http_package() {
        JavaClasses http = new ClassFileImporter().importPackages(ArchitectureRules.HTTP);
        assertThat(http.contain(HttpArchitectureTest.class)).as("test classes imported").isTrue();
        ArchitectureRules.only_adapters_http_declares_the_http_package.check(http);
    }
}

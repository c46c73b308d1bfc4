package io.nekorekten4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.nekorekten4j.archviolation.cyclea.First;
import io.nekorekten4j.archviolation.cycleb.Second;
import io.nekorekten4j.domain.Phone;
import io.nekorekten4j.domain.archviolation.DomainTypeUsingJUnit;
import io.nekorekten4j.http.archviolation.HttpPart;
import io.nekorekten4j.http.archviolation.PublicReportJson;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.archviolation.PortExposingAnHttpResponse;
import io.nekorekten4j.ports.archviolation.PortHidingAnHttpResponse;
import io.nekorekten4j.ports.archviolation.PortUsingAssertJ;
import io.nekorekten4j.proxy.archviolation.ProxyAdapterUsingHttp;
import org.junit.jupiter.api.Test;

/**
 * Each architecture rule can fail: it finds the violation in a small test-only class built to
 * break it, and passes on a class that keeps it. The classes are imported one by one, so the real
 * rule runs never see them.
 */
class ArchitectureRulesTest {

    @Test
    void domainRuleFailsOnADomainClassUsingALibrary() {
        assertViolated(ArchitectureRules.domain_depends_on_the_jdk_only, DomainTypeUsingJUnit.class);
        assertKept(ArchitectureRules.domain_depends_on_the_jdk_only, Phone.class);
    }

    @Test
    void portsRuleFailsOnAPortClassUsingALibrary() {
        assertViolated(ArchitectureRules.ports_depend_only_on_the_jdk_and_the_domain, PortUsingAssertJ.class);
        assertKept(ArchitectureRules.ports_depend_only_on_the_jdk_and_the_domain, Nekorekten.class);
    }

    @Test
    void adapterRuleFailsOnAnAdapterUsingAnotherAdapter() {
        EvaluationResult result = ArchitectureRules.no_adapter_depends_on_another_adapter
                .evaluate(importOnly(ProxyAdapterUsingHttp.class, HttpPart.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(d -> assertThat(d)
                .contains("adapter 'proxy' depends on adapter 'http'"));
    }

    @Test
    void adapterRuleLetsAnAdapterUseTheDomainAndItsOwnPackage() throws ClassNotFoundException {
        Class<?> reportJson = Class.forName("io.nekorekten4j.http.archviolation.ReportJson");

        assertKept(ArchitectureRules.no_adapter_depends_on_another_adapter, reportJson, HttpPart.class);
    }

    @Test
    void adapterRuleSparesNamedCompositionModules() {
        assertKept(ArchitectureRules.noAdapterDependsOnAnotherAdapter("proxy"), ProxyAdapterUsingHttp.class);
    }

    @Test
    void signatureRuleFailsOnAPortExposingAnHttpType() {
        ArchRule rule = ArchitectureRules.no_http_json_or_resilience_type_in_public_signatures_of_ports_or_domain;

        assertViolated(rule, PortExposingAnHttpResponse.class);
        assertKept(rule, PortHidingAnHttpResponse.class);
        assertKept(ArchitectureRules.ports_depend_only_on_the_jdk_and_the_domain, PortExposingAnHttpResponse.class);
    }

    @Test
    void wireDtoRuleFailsOnAPublicJsonClass() throws ClassNotFoundException {
        assertViolated(ArchitectureRules.wire_dtos_stay_package_private, PublicReportJson.class);
        assertKept(ArchitectureRules.wire_dtos_stay_package_private,
                Class.forName("io.nekorekten4j.http.archviolation.ReportJson"));
    }

    @Test
    void cycleRuleFailsOnTwoPackagesUsingEachOther() {
        assertViolated(ArchitectureRules.no_package_cycles, First.class, Second.class);
        assertKept(ArchitectureRules.no_package_cycles, First.class);
    }

    /** The http fixtures are conformance-tests' test classes: declared outside adapters-http. */
    @Test
    void httpPackageRuleFailsOnAClassOfAnotherModuleInTheHttpPackage() {
        EvaluationResult result = ArchitectureRules.only_adapters_http_declares_the_http_package
                .evaluate(importOnly(HttpPart.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(d -> assertThat(d)
                .contains(HttpPart.class.getName()).contains("outside the module adapters-http"));
        assertKept(ArchitectureRules.onlyModuleDeclares(ArchitectureRules.HTTP, "conformance-tests"), HttpPart.class);
        assertKept(ArchitectureRules.only_adapters_http_declares_the_http_package, Phone.class);
    }

    @Test
    void modulePackagesRuleFailsOnAClassOutsideTheNamedPackages() {
        assertViolated(ArchitectureRules.classesResideOnlyInTheModulesPackages(ArchitectureRules.DOMAIN),
                Phone.class, HttpPart.class);
        assertKept(ArchitectureRules.classesResideOnlyInTheModulesPackages(ArchitectureRules.DOMAIN,
                ArchitectureRules.HTTP), Phone.class, HttpPart.class);
        assertThatThrownBy(ArchitectureRules::classesResideOnlyInTheModulesPackages)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ownedPackages");
        assertThatThrownBy(() -> ArchitectureRules.onlyModuleDeclares(" ", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("packageName");
    }

    /** Every module of the reactor that this module sees keeps to its own packages: this one included. */
    @Test
    void theConformanceModuleDeclaresOnlyItsOwnPackagesInItsMainClasses() {
        JavaClasses main = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .importPath(java.nio.file.Path.of("target", "classes"));
        assertThat(main.contain(ArchitectureRules.class)).as("the import holds the kit").isTrue();
        ArchitectureRules.classesResideOnlyInTheModulesPackages(ArchitectureRules.ROOT + ".conformance").check(main);
    }

    private static JavaClasses importOnly(Class<?>... types) {
        return new ClassFileImporter().importClasses(types);
    }

    private static void assertViolated(ArchRule rule, Class<?>... types) {
        assertThat(rule.evaluate(importOnly(types)).hasViolation()).as("%s is violated", rule.getDescription()).isTrue();
    }

    private static void assertKept(ArchRule rule, Class<?>... types) {
        EvaluationResult result = rule.evaluate(importOnly(types));
        assertThat(result.hasViolation()).as("%s is kept, but: %s", rule.getDescription(),
                result.getFailureReport()).isFalse();
    }
}

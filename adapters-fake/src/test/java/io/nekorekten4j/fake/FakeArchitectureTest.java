package io.nekorekten4j.fake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.nekorekten4j.conformance.ArchitectureRules;
import org.junit.jupiter.api.BeforeAll;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The architecture rules of the conformance kit, checked on the fake adapter's production classes. */
class FakeArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importTheFake() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.nekorekten4j.fake");
    }

    @Test
    void theImportHoldsTheFakeAndNoTestClass() {
        assertThat(classes.contain(NekorektenFake.class)).isTrue();
        assertThat(classes.contain(KitSelfTest.class)).isFalse();
    }

    @Test
    void the_fake_depends_only_on_the_jdk_the_domain_and_the_ports() {
        classes().that().resideInAPackage("io.nekorekten4j.fake..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", ArchitectureRules.DOMAIN + "..", ArchitectureRules.PORTS + "..",
                        "io.nekorekten4j.fake..")
                .because("adapters-fake depends on domain and ports only (DESIGN.md)")
                .check(classes);
    }

    @Test
    void no_adapter_depends_on_another_adapter() {
        ArchitectureRules.no_adapter_depends_on_another_adapter.check(classes);
    }

    @Test
    void no_package_cycles() {
        ArchitectureRules.no_package_cycles.check(classes);
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
        assertThat(own.contain(NekorektenFake.class)).as("main classes imported").isTrue();
        assertThat(own.contain(KitSelfTest.class)).as("test classes imported").isTrue();
        ArchitectureRules.classesResideOnlyInTheModulesPackages("io.nekorekten4j.fake").check(own);
    }
}

package io.nekorekten4j.cache;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.nekorekten4j.conformance.ArchitectureRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The cache decorates the ports and nothing else: it uses the domain, the ports and Caffeine, never
 * an adapter, so any adapter can be put behind it (and the HTTP adapter can run it inside).
 */
class CacheArchitectureTest {

    private static final JavaClasses CACHE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.nekorekten4j.cache");

    @Test
    void theCacheUsesOnlyTheDomainThePortsAndCaffeine() {
        classes().that().resideInAPackage("io.nekorekten4j.cache..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.nekorekten4j.domain..",
                        "io.nekorekten4j.ports..", "io.nekorekten4j.cache..", "com.github.benmanes.caffeine..")
                .because("the cache wraps any Nekorekten through the ports")
                .check(CACHE);
    }

    /** This module's own classes, main and test, keep to its package: it splits no package (issue 10). */
    @Test
    void thisModuleDeclaresOnlyItsOwnPackage() {
        JavaClasses own = new ClassFileImporter()
                .importPaths(Path.of("target", "classes"), Path.of("target", "test-classes"));
        assertThat(own.contain(CachingNekorekten.class)).as("main classes imported").isTrue();
        assertThat(own.contain(CacheArchitectureTest.class)).as("test classes imported").isTrue();
        ArchitectureRules.classesResideOnlyInTheModulesPackages("io.nekorekten4j.cache").check(own);
    }

    @Test
    void noPackageCycles() {
        ArchitectureRules.no_package_cycles.check(CACHE);
    }
}

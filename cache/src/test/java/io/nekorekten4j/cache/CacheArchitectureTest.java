package io.nekorekten4j.cache;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.nekorekten4j.conformance.ArchitectureRules;
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

    @Test
    void noPackageCycles() {
        ArchitectureRules.no_package_cycles.check(CACHE);
    }
}

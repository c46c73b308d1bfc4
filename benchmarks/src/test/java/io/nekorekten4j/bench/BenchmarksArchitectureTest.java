package io.nekorekten4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.nekorekten4j.conformance.ArchitectureRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks keep to their own package and use the library through its public API only, as a
 * user's code would (issue 10): no benchmark may move back into {@code io.nekorekten4j.http} to
 * reach the adapter's package-private members.
 */
class BenchmarksArchitectureTest {

    @Test
    void this_module_declares_only_its_own_package() {
        JavaClasses own = new ClassFileImporter()
                .importPaths(Path.of("target", "classes"), Path.of("target", "test-classes"));
        assertThat(own.contain(HttpSearchBenchmark.class)).as("main classes imported").isTrue();
        assertThat(own.contain(BenchmarksArchitectureTest.class)).as("test classes imported").isTrue();
        ArchitectureRules.classesResideOnlyInTheModulesPackages(ArchitectureRules.ROOT + ".bench").check(own);
    }

    @Test
    void only_adapters_http_declares_the_http_package() {
        JavaClasses http = new ClassFileImporter().importPackages(ArchitectureRules.HTTP);
        assertThat(http.contain("io.nekorekten4j.http.Transport")).as("the adapter imported").isTrue();
        ArchitectureRules.only_adapters_http_declares_the_http_package.check(http);
    }
}

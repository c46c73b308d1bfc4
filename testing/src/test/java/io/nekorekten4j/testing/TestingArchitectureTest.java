package io.nekorekten4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.nekorekten4j.conformance.ArchitectureRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The testing module keeps to its own package and uses the HTTP adapter through its public API only. */
class TestingArchitectureTest {

    @Test
    void this_module_declares_only_its_own_packages() {
        JavaClasses own = new ClassFileImporter()
                .importPaths(Path.of("target", "classes"), Path.of("target", "test-classes"));
        assertThat(own.contain(TransportContract.class)).as("main classes imported").isTrue();
        assertThat(own.contain(TestingArchitectureTest.class)).as("test classes imported").isTrue();
        ArchitectureRules.classesResideOnlyInTheModulesPackages(ArchitectureRules.ROOT + ".testing").check(own);
    }

    @Test
    void only_adapters_http_declares_the_http_package() {
        JavaClasses http = new ClassFileImporter().importPackages(ArchitectureRules.HTTP);
        assertThat(http.contain("io.nekorekten4j.http.Transport")).as("the adapter imported").isTrue();
        ArchitectureRules.only_adapters_http_declares_the_http_package.check(http);
    }
}

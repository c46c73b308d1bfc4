package io.nekorekten4j.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.nekorekten4j.conformance.ArchitectureRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Redis store's module keeps to its own package and uses the HTTP adapter's public API only. */
class QuotaRedisArchitectureTest {

    /**
     * This module's own classes, main and test, keep to {@code io.nekorekten4j.redis}: it splits no
     * package with another module. The import is read from the build output, so it holds exactly
     * this module's classes.
     */
    @Test
    void this_module_declares_only_its_own_package() {
        JavaClasses own = new ClassFileImporter()
                .importPaths(Path.of("target", "classes"), Path.of("target", "test-classes"));
        assertThat(own.contain(RedisQuotaStore.class)).as("main classes imported").isTrue();
        assertThat(own.contain(QuotaRedisArchitectureTest.class)).as("test classes imported").isTrue();
        ArchitectureRules.classesResideOnlyInTheModulesPackages("io.nekorekten4j.redis").check(own);
    }

    /** Nothing of this module lives in the adapter's package to reach its package-private members. */
    @Test
    void only_adapters_http_declares_the_http_package() {
        JavaClasses http = new ClassFileImporter().importPackages(ArchitectureRules.HTTP);
        assertThat(http.contain("io.nekorekten4j.http.NekorektenHttp")).as("the adapter imported").isTrue();
        ArchitectureRules.only_adapters_http_declares_the_http_package.check(http);
    }
}

package io.nekorekten4j.releasechecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The BOM lists every published module of the reactor at the reactor's version, and nothing else:
 * a module added to the root pom without a BOM entry fails here with its name.
 */
class BomTest {

    private final String bom = Repository.read(Repository.root().resolve("bom/pom.xml"));

    /** Modules that publish an artifact: not the BOM itself, and not those that skip deploy. */
    private static List<String> publishedArtifacts() {
        List<String> published = new ArrayList<>();
        for (String module : Repository.modules()) {
            String pom = Repository.read(Repository.root().resolve(module).resolve("pom.xml"));
            String artifactId = Repository.element(pom, "artifactId");
            boolean skipsDeploy = pom.contains("<maven.deploy.skip>true</maven.deploy.skip>");
            if (!module.equals("bom") && !skipsDeploy) {
                published.add(artifactId);
            }
        }
        return published;
    }

    @Test
    void theBomManagesEveryPublishedModuleAndNothingElse() {
        List<String> managed = Repository.all(bom, "<artifactId>([^<]+)</artifactId>");
        managed.remove("nekorekten4j-bom");
        managed.removeIf(a -> a.startsWith("maven-"));

        assertThat(managed).as("the BOM's entries against the reactor's published modules: add a new "
                + "module to bom/pom.xml (or set maven.deploy.skip in its pom if it is not published)")
                .containsExactlyInAnyOrderElementsOf(publishedArtifacts());
    }

    @Test
    void theBomHasTheReactorsVersionAndGivesItToEveryEntry() {
        assertThat(Repository.element(bom, "version")).isEqualTo(Repository.projectVersion());
        assertThat(Repository.all(bom, "(?s)<dependency>.*?<version>([^<]+)</version>.*?</dependency>"))
                .isNotEmpty()
                .containsOnly("${project.version}");
    }

    @Test
    void theBomCarriesWhatMavenCentralRequires() {
        for (String element : List.of("name", "description", "url")) {
            assertThat(Repository.element(bom, element)).as(element).isNotBlank();
        }
        assertThat(bom).contains("<licenses>", "Apache-2.0", "<developers>", "<scm>", "<connection>");
        assertThat(bom).as("no parent: it must not pass the parent's third-party versions on")
                .doesNotContain("<parent>");
    }
}

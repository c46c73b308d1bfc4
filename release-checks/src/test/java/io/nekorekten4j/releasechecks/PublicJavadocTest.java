package io.nekorekten4j.releasechecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every public type, constructor and method a user can compile against in the published artifacts
 * has Javadoc (the release build's doclint leaves out the "missing" group, so nothing else checks
 * this). Read from the sources with the JDK's own parser; an {@code @Override} inherits its
 * documentation, and {@code internal} packages are not public API.
 */
class PublicJavadocTest {

    /** The modules whose jars the BOM publishes and that hold code. */
    private static final List<String> PUBLISHED = List.of("domain", "ports", "cache", "adapters-http",
            "adapters-fake", "conformance-tests", "fake-server", "testing", "quota-redis", "micrometer",
            "spring-boot-autoconfigure", "spring-boot-test", "diagnostics", "api-contract", "cli");

    @Test
    void everyPublicTypeAndMemberOfThePublishedModulesHasJavadoc() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String module : PUBLISHED) {
            Path main = Repository.root().resolve(module).resolve("src/main/java");
            assertThat(main).as(module + " has main sources").isDirectory();
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> !p.getFileName().toString().equals("package-info.java"))
                        .filter(p -> !p.toString().contains("/internal/"))
                        .forEach(sources::add);
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> undocumented = new ArrayList<>();
        int checked;
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, null, List.of("-proc:none"), null,
                    files.getJavaFileObjectsFromPaths(sources));
            DocTrees docs = DocTrees.instance(task);
            Scanner scanner = new Scanner(docs, undocumented);
            for (CompilationUnitTree unit : task.parse()) {
                scanner.scan(new TreePath(unit), null);
            }
            checked = scanner.checked;
        }
        assertThat(checked).as("public declarations checked").isGreaterThan(500);
        assertThat(undocumented).as("public API without Javadoc").isEmpty();
    }

    /** Walks the public types (and what they nest) and checks each public declaration. */
    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final DocTrees docs;
        private final List<String> undocumented;
        int checked;

        Scanner(DocTrees docs, List<String> undocumented) {
            this.docs = docs;
            this.undocumented = undocumented;
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
            if (!visible(type.getModifiers(), getCurrentPath())) {
                return null; // nothing inside a type users cannot see is public API
            }
            check(type.getSimpleName().toString());
            return super.visitClass(type, unused);
        }

        @Override
        public Void visitMethod(MethodTree method, Void unused) {
            boolean overrides = method.getModifiers().getAnnotations().stream()
                    .anyMatch(a -> a.getAnnotationType().toString().endsWith("Override"));
            if (!overrides && visible(method.getModifiers(), getCurrentPath())) {
                check(method.getName() + "(...)");
            }
            return null; // local and anonymous classes are not API
        }

        private void check(String name) {
            checked++;
            if (docs.getDocCommentTree(getCurrentPath()) == null) {
                CompilationUnitTree unit = getCurrentPath().getCompilationUnit();
                long line = unit.getLineMap().getLineNumber(docs.getSourcePositions().getStartPosition(unit, getCurrentPath().getLeaf()));
                Path file = Path.of(unit.getSourceFile().toUri());
                undocumented.add(Repository.root().relativize(file) + ":" + line + " " + name);
            }
        }

        /** Public, or protected, or implicitly public as a member of an interface or annotation. */
        private static boolean visible(ModifiersTree modifiers, TreePath path) {
            Set<Modifier> flags = modifiers.getFlags();
            if (flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED)) {
                return true;
            }
            Tree parent = path.getParentPath().getLeaf();
            return parent instanceof ClassTree owner && !flags.contains(Modifier.PRIVATE)
                    && (owner.getKind() == Tree.Kind.INTERFACE || owner.getKind() == Tree.Kind.ANNOTATION_TYPE);
        }
    }
}

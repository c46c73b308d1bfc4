package io.nekorekten4j.conformance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The architecture rules of DESIGN.md as reusable ArchUnit rules. Each module checks them from its
 * own test sources against its own classes, for example:
 *
 * <pre>{@code
 * JavaClasses classes = new ClassFileImporter()
 *         .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
 *         .importPackages("io.nekorekten4j.fake");
 * ArchitectureRules.no_adapter_depends_on_another_adapter.check(classes);
 * }</pre>
 *
 * <p>Every rule allows an import in which it finds nothing to check (a module without wire DTOs
 * passes {@link #wire_dtos_stay_package_private}), so one module may apply all of them; make sure
 * your import is not empty.
 */
public final class ArchitectureRules {

    /** The package of the project; every module's classes live under it. */
    public static final String ROOT = "io.nekorekten4j";
    /** The domain's package. */
    public static final String DOMAIN = ROOT + ".domain";
    /** The ports' package. */
    public static final String PORTS = ROOT + ".ports";
    /** The HTTP adapter's package (where the wire DTOs live). */
    public static final String HTTP = ROOT + ".http";

    /**
     * Packages under {@link #ROOT} that are not adapters: the domain, the ports, this kit, and the
     * cache (a decorator of the ports' {@code Nekorekten}, which any adapter may use and which uses
     * none). Every other top-level package under the root ({@code http}, {@code fake}, …) is an adapter.
     */
    private static final Set<String> NOT_ADAPTERS = Set.of("domain", "ports", "conformance", "cache");

    /** Packages of HTTP, JSON and resilience libraries, whose types must stay inside adapters. */
    private static final String[] HTTP_JSON_AND_RESILIENCE_PACKAGES = {
        "java.net.http..", "org.apache.hc..", "org.apache.http..", "okhttp3..", "jakarta.ws.rs..",
        "jakarta.json..", "javax.json..", "org.eclipse.yasson..", "org.eclipse.parsson..",
        "com.fasterxml.jackson..", "com.google.gson..", "io.github.resilience4j.."};

    /** The domain imports nothing outside {@code java.*}: no JSON annotations, no logging, no HTTP types. */
    public static final ArchRule domain_depends_on_the_jdk_only = classes()
            .that().resideInAPackage(DOMAIN + "..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN + "..")
            .because("the domain is pure: value objects and rules, with the JDK only (DESIGN.md)")
            .allowEmptyShould(true);

    /** The ports import only {@code java.*} and the domain. */
    public static final ArchRule ports_depend_only_on_the_jdk_and_the_domain = classes()
            .that().resideInAPackage(PORTS + "..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN + "..", PORTS + "..")
            .because("ports are interfaces and exceptions every adapter shares (DESIGN.md)")
            .allowEmptyShould(true);

    /**
     * No adapter imports another adapter: a class in {@code io.nekorekten4j.http..} may not use one
     * in {@code io.nekorekten4j.fake..}, and so on for every top-level package under
     * {@code io.nekorekten4j} but {@code domain}, {@code ports} and {@code conformance}. Modules
     * that wire adapters together (a CLI, a server, a Spring starter) are not adapters: use
     * {@link #noAdapterDependsOnAnotherAdapter(String...)} naming their packages.
     */
    public static final ArchRule no_adapter_depends_on_another_adapter = noAdapterDependsOnAnotherAdapter();

    /**
     * No HTTP, JSON or resilience type (Apache HttpClient, {@code java.net.http}, JSON-B/JSON-P,
     * Yasson, Jackson, Gson, Resilience4j) appears in a public signature of the ports or the domain:
     * not as a supertype, nor in a public or protected field, method or constructor.
     */
    public static final ArchRule no_http_json_or_resilience_type_in_public_signatures_of_ports_or_domain = classes()
            .that().resideInAnyPackage(DOMAIN + "..", PORTS + "..")
            .should(exposeNoTypeFrom(HTTP_JSON_AND_RESILIENCE_PACKAGES))
            .because("users of the ports must not need an HTTP, JSON or resilience library (DESIGN.md)")
            .allowEmptyShould(true);

    /**
     * Wire DTOs, the top-level classes named {@code *Json} in {@code io.nekorekten4j.http}, are not
     * public. (Nested SPI types such as {@code RequestBody.Json} are API, not DTOs.)
     */
    public static final ArchRule wire_dtos_stay_package_private = classes()
            .that().resideInAPackage(HTTP + "..").and().haveSimpleNameEndingWith("Json")
            .and().areTopLevelClasses()
            .should().notBePublic()
            .because("the wire format is the HTTP adapter's secret, mapped to the domain (STYLE.md)")
            .allowEmptyShould(true);

    /** No package under {@code io.nekorekten4j} depends, through any path, on itself. */
    public static final ArchRule no_package_cycles = SlicesRuleDefinition.slices()
            .matching(ROOT + ".(**)")
            .should().beFreeOfCycles()
            .allowEmptyShould(true);

    /**
     * Only the {@code adapters-http} module declares classes in {@code io.nekorekten4j.http} and
     * its subpackages: no other module (its main or its test classes) reaches into the HTTP
     * adapter's package to use package-private members. Apply it to an import that spans the
     * class path, for example {@code importPackages(ArchitectureRules.HTTP)} from a module's tests,
     * which sees that module's own classes next to the adapter's.
     */
    public static final ArchRule only_adapters_http_declares_the_http_package =
            onlyModuleDeclares(HTTP, "adapters-http");

    private ArchitectureRules() {
    }

    /**
     * Every class of the import resides in {@code ownedPackages} or their subpackages: apply it
     * to one module's own classes, main and test (e.g. imported from {@code target/classes} and
     * {@code target/test-classes}), naming the packages that module owns. Two modules that each
     * keep to their own packages never split one.
     *
     * @param ownedPackages the module's packages, e.g. {@code "io.nekorekten4j.fakeserver"}; at least one
     */
    public static ArchRule classesResideOnlyInTheModulesPackages(String... ownedPackages) {
        if (ownedPackages.length == 0) {
            throw new IllegalArgumentException("ownedPackages must name at least one package");
        }
        String[] patterns = new String[ownedPackages.length];
        for (int i = 0; i < ownedPackages.length; i++) {
            String name = java.util.Objects.requireNonNull(ownedPackages[i], "ownedPackages[" + i + "]");
            if (name.isBlank()) {
                throw new IllegalArgumentException("ownedPackages[" + i + "] must not be blank");
            }
            patterns[i] = name + "..";
        }
        return classes().should().resideInAnyPackage(patterns)
                .because("each module owns its packages: a package split between two modules breaks on the "
                        + "module path and invites reaching into another module's package-private members")
                .allowEmptyShould(true);
    }

    /**
     * Classes in {@code packageName} or its subpackages come from {@code module} only: from its
     * build output ({@code <module>/target/…}) or its jar ({@code nekorekten4j-<module>-….jar}).
     *
     * @param packageName a package, e.g. {@link #HTTP}
     * @param module      the module's directory name, e.g. {@code "adapters-http"}
     */
    public static ArchRule onlyModuleDeclares(String packageName, String module) {
        java.util.Objects.requireNonNull(packageName, "packageName");
        java.util.Objects.requireNonNull(module, "module");
        if (packageName.isBlank() || module.isBlank()) {
            throw new IllegalArgumentException("packageName and module must not be blank, got '"
                    + packageName + "' and '" + module + "'");
        }
        return classes().that().resideInAPackage(packageName + "..")
                .should(new ArchCondition<JavaClass>("come from the module " + module) {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String location = item.getSource().map(s -> s.getUri().toString()).orElse("");
                        boolean fromModule = location.contains("/" + module + "/target/")
                                || location.contains("/nekorekten4j-" + module + "-");
                        if (!fromModule) {
                            events.add(SimpleConditionEvent.violated(item, item.getName() + " is declared in "
                                    + packageName + " outside the module " + module + " (" + location + ")"));
                        }
                    }
                })
                .because("only " + module + " declares " + packageName + ": no split packages (issue 10)")
                .allowEmptyShould(true);
    }

    /**
     * {@link #no_adapter_depends_on_another_adapter}, treating {@code compositionPackages} (top-level
     * package names under {@code io.nekorekten4j}, e.g. {@code "cli"}) as modules that may wire
     * adapters together, neither adapters nor checked.
     */
    public static ArchRule noAdapterDependsOnAnotherAdapter(String... compositionPackages) {
        Set<String> notAdapters = new LinkedHashSet<>(NOT_ADAPTERS);
        for (String name : compositionPackages) {
            notAdapters.add(java.util.Objects.requireNonNull(name, "compositionPackages[]"));
        }
        DescribedPredicate<JavaClass> inAnAdapter = DescribedPredicate.describe("reside in an adapter package",
                c -> adapterOf(c.getPackageName(), notAdapters).isPresent());
        return classes().that(inAnAdapter)
                .should(new ArchCondition<JavaClass>("depend on no other adapter") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String own = adapterOf(item.getPackageName(), notAdapters).orElseThrow();
                        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                            Optional<String> target = adapterOf(dependency.getTargetClass().getPackageName(), notAdapters);
                            if (target.isPresent() && !target.get().equals(own)) {
                                events.add(SimpleConditionEvent.violated(dependency, "adapter '" + own
                                        + "' depends on adapter '" + target.get() + "': " + dependency.getDescription()));
                            }
                        }
                    }
                })
                .because("each adapter implements the ports on its own; users pick one (DESIGN.md)")
                .allowEmptyShould(true);
    }

    /** The adapter {@code packageName} belongs to: its first segment under the root, unless that is not an adapter. */
    private static Optional<String> adapterOf(String packageName, Set<String> notAdapters) {
        if (!packageName.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        String rest = packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        String top = dot < 0 ? rest : rest.substring(0, dot);
        return notAdapters.contains(top) ? Optional.empty() : Optional.of(top);
    }

    private static ArchCondition<JavaClass> exposeNoTypeFrom(String... packages) {
        PackageMatchers forbidden = PackageMatchers.of(packages);
        return new ArchCondition<>("expose no type of " + String.join(", ", packages) + " in a public signature") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                if (!isVisibleOutsideItsPackage(item)) {
                    return;
                }
                item.getRawSuperclass().ifPresent(s -> report(item, s, "extends", events));
                for (JavaType type : item.getInterfaces()) {
                    type.getAllInvolvedRawTypes().forEach(t -> report(item, t, "implements", events));
                }
                for (JavaField field : item.getFields()) {
                    if (isExposed(field.getModifiers())) {
                        field.getType().getAllInvolvedRawTypes()
                                .forEach(t -> report(item, t, "field " + field.getName(), events));
                    }
                }
                for (JavaCodeUnit unit : item.getCodeUnits()) {
                    if (isExposed(unit.getModifiers())) {
                        unit.getAllInvolvedRawTypes().forEach(t -> report(item, t, unit.getFullName(), events));
                        unit.getThrowsClause().getTypes().forEach(t -> report(item, t, unit.getFullName(), events));
                    }
                }
            }

            private void report(JavaClass owner, JavaClass type, String where, ConditionEvents events) {
                JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
                if (forbidden.test(base.getPackageName())) {
                    events.add(SimpleConditionEvent.violated(owner, owner.getName() + " exposes " + base.getName()
                            + " in a public signature (" + where + ")"));
                }
            }
        };
    }

    private static boolean isVisibleOutsideItsPackage(JavaClass type) {
        for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (!c.getModifiers().contains(JavaModifier.PUBLIC) && !c.getModifiers().contains(JavaModifier.PROTECTED)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isExposed(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }
}

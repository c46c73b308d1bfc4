package io.nekorekten4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The registry of the kit's rules: every rule (test method) of every contract has a
 * {@link KitRule} id of its contract's area, no two rules share one, no retired id comes back, and
 * {@code docs/kit-rules.md} says exactly what the annotations say. When it fails because the
 * document is out of date, regenerate it (the retired ids, kept by hand, are carried over):
 *
 * <pre>
 * ./mvnw -B -o -pl conformance-tests -am verify -Dtest=KitRulesTest -Dsurefire.failIfNoSpecifiedTests=false -Dkit-rules.write=true
 * </pre>
 */
class KitRulesTest {

    /** The contracts, in the document's order, with the area of their ids. */
    private static final Map<Class<? extends NekorektenContract>, String> AREAS = areas();
    private static final Pattern ID = Pattern.compile("K-([A-Z]+)-(\\d{2,})");
    private static final Pattern RETIRED_LINE = Pattern.compile("^- `(K-[A-Z]+-\\d{2,})`", Pattern.MULTILINE);
    private static final String RETIRED_HEADING = "## Retired ids";
    private static final String NO_RETIRED = "None yet.\n";
    private static final Path DOCUMENT = Path.of("..", "docs", "kit-rules.md");
    private static final String WRITE_PROPERTY = "kit-rules.write";

    private static List<Rule> rules;

    /** One rule of the kit: its contract, method and annotation (absent when it lacks one). */
    record Rule(Class<?> contract, Method method, KitRule annotation) {

        String name() {
            return contract.getSimpleName() + "." + method.getName();
        }

        String id() {
            return annotation.id();
        }

        int number() {
            Matcher m = ID.matcher(id());
            return m.matches() ? Integer.parseInt(m.group(2)) : Integer.MAX_VALUE;
        }
    }

    private static Map<Class<? extends NekorektenContract>, String> areas() {
        Map<Class<? extends NekorektenContract>, String> areas = new LinkedHashMap<>();
        areas.put(ReportsSearchContract.class, "SEARCH");
        areas.put(ReportsWriteContract.class, "WRITE");
        areas.put(FilesContract.class, "FILES");
        areas.put(CitiesContract.class, "CITIES");
        areas.put(ValidationContract.class, "VALID");
        areas.put(FailureContract.class, "FAIL");
        areas.put(ScreeningContract.class, "SCREEN");
        areas.put(SafetyContract.class, "SAFE");
        areas.put(CallOptionsContract.class, "OPTIONS");
        return areas;
    }

    @BeforeAll
    static void collectTheRules() {
        rules = new ArrayList<>();
        for (Class<?> contract : AREAS.keySet()) {
            for (Method method : contract.getDeclaredMethods()) {
                if (AnnotationSupport.isAnnotated(method, Testable.class)) {
                    rules.add(new Rule(contract, method, method.getAnnotation(KitRule.class)));
                }
            }
        }
        rules.sort(Comparator.comparing((Rule r) -> List.copyOf(AREAS.keySet()).indexOf(r.contract()))
                .thenComparing(r -> r.annotation() == null ? Integer.MAX_VALUE : r.number())
                .thenComparing(r -> r.method().getName()));
    }

    @Test
    void everyContractOfTheKitHasAnArea() {
        Set<String> contracts = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.nekorekten4j.conformance").stream()
                .filter(c -> c.isAssignableTo(NekorektenContract.class) && !c.isEquivalentTo(NekorektenContract.class))
                .map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new));

        assertThat(contracts).as("the contracts of the kit; give a new one its area in KitRulesTest.AREAS")
                .isEqualTo(AREAS.keySet().stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void theKitHasRulesInEveryContract() {
        assertThat(rules).hasSizeGreaterThan(100);
        assertThat(rules.stream().map(Rule::contract).distinct()).containsExactlyInAnyOrderElementsOf(AREAS.keySet());
    }

    @Test
    void everyRuleHasAnId() {
        assertThat(rules).filteredOn(r -> r.annotation() == null).extracting(Rule::name)
                .as("rules without @KitRule: give each the next free id of its contract's area").isEmpty();
    }

    @Test
    void onlyRulesHaveIds() {
        List<String> annotatedNonRules = new ArrayList<>();
        for (Class<?> contract : AREAS.keySet()) {
            for (Method method : contract.getDeclaredMethods()) {
                if (method.isAnnotationPresent(KitRule.class) && !AnnotationSupport.isAnnotated(method, Testable.class)) {
                    annotatedNonRules.add(contract.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(annotatedNonRules).as("@KitRule on a method that is not a test").isEmpty();
    }

    @Test
    void noTwoRulesShareAnId() {
        Map<String, List<String>> byId = identified().stream().collect(Collectors.groupingBy(Rule::id,
                LinkedHashMap::new, Collectors.mapping(Rule::name, Collectors.toList())));

        assertThat(byId).as("ids given to more than one rule").allSatisfy((id, names) -> assertThat(names).hasSize(1));
    }

    @Test
    void everyIdIsOfItsContractsAreaAndNumbered() {
        for (Rule rule : identified()) {
            Matcher m = ID.matcher(rule.id());
            assertThat(m.matches()).as("%s: id %s is K-<AREA>-<NN>", rule.name(), rule.id()).isTrue();
            assertThat(m.group(1)).as("%s: the area of id %s", rule.name(), rule.id()).isEqualTo(AREAS.get(rule.contract()));
            assertThat(rule.number()).as("%s: the number of id %s", rule.name(), rule.id()).isPositive();
        }
    }

    @Test
    void everyRuleProvesABehaviourOfDesignMdOnce() {
        for (Rule rule : identified()) {
            assertThat(rule.annotation().proves()).as("%s: the behaviours it proves", rule.name())
                    .isNotEmpty().doesNotHaveDuplicates();
        }
    }

    @Test
    void rulesAreNamedRequiredOrOptional() {
        assertThat(rules).extracting(r -> r.method().getName())
                .allMatch(n -> n.startsWith("required_") || n.startsWith("optional_"));
        assertThat(rules).allMatch(r -> Modifier.isFinal(r.method().getModifiers()) && Modifier.isPublic(r.method().getModifiers()),
                "public final (no opting out by override)");
    }

    @Test
    void aRetiredIdIsNeverGivenToAnotherRule() throws IOException {
        Set<String> retired = retiredIds(currentDocument());
        Set<String> reused = identified().stream().map(Rule::id).filter(retired::contains)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(reused).as("retired ids given to a rule again (ids are never reused: take the next free number)")
                .isEmpty();
    }

    @Test
    void theRegistryDocumentSaysWhatTheAnnotationsSay() throws IOException {
        String current = currentDocument();
        Set<String> gone = new TreeSet<>(listedIds(current));
        identified().forEach(r -> gone.remove(r.id()));
        gone.removeAll(retiredIds(current));
        // Checked before any rewrite, so that regenerating never drops an id silently.
        assertThat(gone).as("ids in %s that no rule carries any more: list each under '%s' (it is never reused), "
                + "then regenerate", DOCUMENT, RETIRED_HEADING).isEmpty();

        String expected = render(identified(), retiredSection(current));
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.writeString(DOCUMENT, expected, StandardCharsets.UTF_8);
            current = expected;
        }

        assertThat(current).as("%s is out of date; regenerate it with -D%s=true (see KitRulesTest)", DOCUMENT,
                WRITE_PROPERTY).isEqualTo(expected);
    }

    private static List<Rule> identified() {
        return rules.stream().filter(r -> r.annotation() != null).toList();
    }

    private static String currentDocument() throws IOException {
        return Files.exists(DOCUMENT) ? Files.readString(DOCUMENT, StandardCharsets.UTF_8) : "";
    }

    /** The retired section's body, kept as written (by hand) in the current document. */
    private static String retiredSection(String document) {
        int at = document.indexOf(RETIRED_HEADING + "\n");
        if (at < 0) {
            return NO_RETIRED;
        }
        String body = document.substring(at + RETIRED_HEADING.length() + 1).strip();
        return body.isEmpty() ? NO_RETIRED : body + "\n";
    }

    private static Set<String> retiredIds(String document) {
        Matcher m = RETIRED_LINE.matcher(retiredSection(document));
        Set<String> ids = new TreeSet<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The ids the rules table of {@code document} lists. */
    private static Set<String> listedIds(String document) {
        Matcher m = Pattern.compile("^\\| `(K-[A-Z]+-\\d{2,})` \\|", Pattern.MULTILINE).matcher(document);
        Set<String> ids = new TreeSet<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String render(List<Rule> rules, String retired) {
        StringBuilder doc = new StringBuilder();
        doc.append("# The conformance kit's rules\n\n")
                .append("Every rule of the kit (a test method of a contract in `conformance-tests`) has a stable id,\n")
                .append("given by its `@KitRule` annotation together with the behaviour of `DESIGN.md` it proves\n")
                .append("(\"Behaviour every adapter shares\", and the entry points of \"The public surface\"). The id is\n")
                .append("in the test's display name (`K-CITIES-01 required_cities_listIsNotEmpty()`) and in the kit's\n")
                .append("untested-rules summary, so a failure report can be traced to the rule and the promise it checks.\n\n")
                .append("- An id is `K-<AREA>-<NN>`: the area of its contract and a number.\n")
                .append("- **Ids are never reused.** A rule that is renamed, reworded or moved within its contract keeps\n")
                .append("  its id. A removed rule's id is listed under \"Retired ids\" below (by hand) and is never given\n")
                .append("  to another rule; a new rule takes the next number of its area that was never used.\n")
                .append("- This file is generated from the annotations and checked by `KitRulesTest` (conformance-tests):\n")
                .append("  the build fails when a rule lacks an id, two rules share one, a retired id comes back, or this\n")
                .append("  file is out of date. Regenerate it with\n")
                .append("  `./mvnw -B -o -pl conformance-tests -am verify -Dtest=KitRulesTest -Dsurefire.failIfNoSpecifiedTests=false -Dkit-rules.write=true`.\n\n");

        doc.append("## Areas\n\n| area | contract | rules |\n|---|---|---|\n");
        Map<Class<?>, Long> perContract = rules.stream()
                .collect(Collectors.groupingBy(Rule::contract, LinkedHashMap::new, Collectors.counting()));
        AREAS.forEach((contract, area) -> doc.append("| `").append(area).append("` | `").append(contract.getSimpleName())
                .append("` | ").append(perContract.getOrDefault(contract, 0L)).append(" |\n"));

        doc.append("\n## DESIGN.md behaviour → rules\n\n| DESIGN.md | rules that prove it |\n|---|---|\n");
        Map<Behaviour, List<String>> byBehaviour = new EnumMap<>(Behaviour.class);
        for (Rule rule : rules) {
            for (Behaviour b : new LinkedHashSet<>(Arrays.asList(rule.annotation().proves()))) {
                byBehaviour.computeIfAbsent(b, k -> new ArrayList<>()).add(rule.id());
            }
        }
        for (Behaviour b : Behaviour.values()) {
            List<String> ids = byBehaviour.getOrDefault(b, List.of());
            doc.append("| ").append(b.heading()).append(" | ")
                    .append(ids.isEmpty() ? "none in the kit: each adapter's own tests prove it"
                            : ids.size() + ": " + ids.stream().map(id -> "`" + id + "`").collect(Collectors.joining(", ")))
                    .append(" |\n");
        }

        doc.append("\n## Rules\n\n| id | contract | rule | proves (DESIGN.md) |\n|---|---|---|---|\n");
        Function<KitRule, String> proves = a -> Arrays.stream(a.proves()).map(Behaviour::heading)
                .collect(Collectors.joining("; "));
        for (Rule rule : rules) {
            doc.append("| `").append(rule.id()).append("` | ").append(rule.contract().getSimpleName()).append(" | `")
                    .append(rule.method().getName()).append("` | ").append(proves.apply(rule.annotation())).append(" |\n");
        }

        doc.append('\n').append(RETIRED_HEADING).append("\n\n").append(retired);
        return doc.toString();
    }
}

package io.nekorekten4j.conformance;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The kit's summary of what it did <em>not</em> test, as the Reactive Streams TCK reports its
 * untested rules: every {@code optional_…} rule skipped for a missing capability is collected per
 * contract class, and after the class the list is published as a JUnit report entry
 * ({@value #ENTRY_KEY}) and printed on standard output. A contract class with untested rules
 * shows that the adapter was <em>not shown</em> to keep them — not that it keeps them.
 *
 * <p>{@code required_…} rules never land here: they fail instead of skipping when the subject
 * lacks what they need (see {@link NekorektenContract#requireCapability}).
 */
final class UntestedRules implements TestWatcher, AfterAllCallback {

    /** The key of the report entry listing the untested rules of a contract class. */
    static final String ENTRY_KEY = "nekorekten4j.untested-rules";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(UntestedRules.class);

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        String rule = context.getTestMethod().map(m -> m.getName()).orElse(context.getDisplayName());
        String id = context.getTestMethod().map(m -> m.getAnnotation(KitRule.class)).map(r -> r.id() + " ").orElse("");
        // A rule's own display name is its id and name; a parameterized invocation adds its arguments.
        String invocation = context.getTestMethod().isPresent() && !context.getDisplayName().startsWith(id + rule)
                && !context.getDisplayName().startsWith(rule) ? " " + context.getDisplayName() : "";
        String line = id + rule + invocation
                + Optional.ofNullable(cause.getMessage()).map(m -> " — " + m.replaceFirst("^Assumption failed: ", "")).orElse("");
        untested(classContext(context)).add(line);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> untested = untested(context);
        if (untested.isEmpty()) {
            return;
        }
        String summary = untested.size() + " rule(s) of " + context.getDisplayName()
                + " went UNTESTED (skipped: the subject lacks what they need); the adapter was not shown to keep them:\n  "
                + String.join("\n  ", untested);
        context.publishReportEntry(ENTRY_KEY, summary);
        System.out.println("[nekorekten4j conformance] " + summary);
    }

    @SuppressWarnings("unchecked")
    private static List<String> untested(ExtensionContext classContext) {
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent("untested",
                k -> new CopyOnWriteArrayList<String>(), List.class);
    }

    /** The context of the contract class a test (or a parameterized invocation) belongs to. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }
}

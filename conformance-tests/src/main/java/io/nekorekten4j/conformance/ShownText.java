package io.nekorekten4j.conformance;

import io.nekorekten4j.domain.ServerText;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.ports.InvalidRequestException;
import io.nekorekten4j.ports.NekorektenException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Everything a failure shows to a caller or a log: the message and {@code toString()} of the
 * failure and of every cause and suppressed failure below it, the {@code ErrorContext} and its
 * texts, the field errors, and the stack trace as a logger prints it. The kit's secrets and
 * server-text rules look for the key, control characters and unbounded length in these.
 */
final class ShownText {

    /** The deepest chain of causes and suppressed failures walked. */
    private static final int MAX_DEPTH = 32;

    private ShownText() {
    }

    /**
     * The texts of {@code failure} a caller can read one by one: messages, {@code toString()}s,
     * contexts and field errors, of the failure and everything under it.
     */
    static List<String> texts(Throwable failure) {
        List<String> texts = new ArrayList<>();
        collect(failure, texts, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
        return texts;
    }

    /** {@code failure}'s stack trace as {@code printStackTrace} (and so a logger) prints it. */
    static String printed(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    /** The code points of {@code text} that must never reach a message or a log (see {@link ServerText#isForbidden}). */
    static List<String> forbiddenIn(String text) {
        return text.codePoints().filter(ServerText::isForbidden).mapToObj(cp -> String.format("U+%04X", cp)).toList();
    }

    private static void collect(Throwable t, List<String> texts, Set<Throwable> seen, int depth) {
        if (t == null || depth > MAX_DEPTH || !seen.add(t)) {
            return;
        }
        if (t.getMessage() != null) {
            texts.add(t.getMessage());
        }
        texts.add(t.toString());
        if (t instanceof NekorektenException e) {
            texts.add(String.valueOf(e.context()));
            e.context().serviceMessage().ifPresent(texts::add);
            e.context().bodyExcerpt().ifPresent(texts::add);
            e.context().path().ifPresent(texts::add);
        }
        if (t instanceof InvalidRequestException invalid) {
            invalid.fieldErrors().forEach(v -> texts.add(String.valueOf(v)));
        }
        if (t instanceof ValidationException invalid) {
            invalid.violations().forEach(v -> texts.add(String.valueOf(v)));
        }
        collect(t.getCause(), texts, seen, depth + 1);
        for (Throwable suppressed : t.getSuppressed()) {
            collect(suppressed, texts, seen, depth + 1);
        }
    }
}

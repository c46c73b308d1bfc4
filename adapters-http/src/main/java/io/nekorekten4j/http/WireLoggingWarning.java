package io.nekorekten4j.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.LoggerFactory;

/**
 * Warns, once per JVM and source, when the HTTP library under a client is set to log what it sends:
 * Apache HttpClient's {@code org.apache.hc.client5.http.headers} and {@code .wire} loggers at DEBUG,
 * or the JDK client's {@code jdk.httpclient.HttpClient.log} system property. Those logs print the
 * {@code Api-Key} header (the "sensitive" flag does not mask it) and the search URLs and bodies
 * with buyers' phones, e-mails and names. nekorekten4j cannot switch them off — they belong to the
 * application's logging setup — so it says so when a client is built, naming the setting.
 */
final class WireLoggingWarning {

    /** Apache HttpClient 5's logger of every request and response header. */
    static final String APACHE_HEADERS_LOGGER = "org.apache.hc.client5.http.headers";
    /** Apache HttpClient 5's logger of every byte on the wire. */
    static final String APACHE_WIRE_LOGGER = "org.apache.hc.client5.http.wire";
    /** The system property that turns on the JDK HTTP client's own log. */
    static final String JDK_LOG_PROPERTY = "jdk.httpclient.HttpClient.log";
    /**
     * The JDK log's categories that print headers, request lines or bodies (the others — errors,
     * ssl, trace, channel — print neither the key nor a buyer's data).
     */
    private static final Set<String> JDK_RISKY_CATEGORIES = Set.of("all", "headers", "requests", "content", "frames");

    /** The shared instance: its "once" holds for the whole JVM. */
    static final WireLoggingWarning SHARED = new WireLoggingWarning(
            name -> LoggerFactory.getLogger(name).isDebugEnabled(),
            System::getProperty,
            message -> LoggerFactory.getLogger(NekorektenHttp.class).warn(message));

    private final Predicate<String> debugEnabled;
    private final UnaryOperator<String> systemProperty;
    private final Consumer<String> warn;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * @param debugEnabled   whether the SLF4J logger of this name logs at DEBUG
     * @param systemProperty reads a system property ({@code null} when unset)
     * @param warn           where the warning goes
     */
    WireLoggingWarning(Predicate<String> debugEnabled, UnaryOperator<String> systemProperty, Consumer<String> warn) {
        this.debugEnabled = Objects.requireNonNull(debugEnabled, "debugEnabled");
        this.systemProperty = Objects.requireNonNull(systemProperty, "systemProperty");
        this.warn = Objects.requireNonNull(warn, "warn");
    }

    /**
     * Checks the logs of the transport a client is built with (both kinds for a transport of the
     * user's own, which may use either) and warns about each risky one not warned about before.
     *
     * @return the warnings given now (empty when all is quiet or was already said)
     */
    List<String> check(Transport transport) {
        boolean apache = !(transport instanceof JdkTransport);
        boolean jdk = !(transport instanceof ApacheTransport);
        List<String> given = new ArrayList<>(3);
        if (apache) {
            checkApacheLogger(APACHE_HEADERS_LOGGER, "every request header", given);
            checkApacheLogger(APACHE_WIRE_LOGGER, "every byte sent and received", given);
        }
        if (jdk) {
            checkJdkLog(given);
        }
        return given;
    }

    private void checkApacheLogger(String logger, String what, List<String> given) {
        if (debugEnabled.test(logger)) {
            warnOnce(logger, "The logger " + logger + " is at DEBUG: Apache HttpClient then logs " + what
                    + " of nekorekten4j's requests — the Api-Key header in clear text, and the searched phones, "
                    + "e-mails and names of buyers (personal data). Set it to INFO or above outside a debugging "
                    + "session.", given);
        }
    }

    private void checkJdkLog(List<String> given) {
        String value = systemProperty.apply(JDK_LOG_PROPERTY);
        if (value == null) {
            return;
        }
        List<String> risky = new ArrayList<>();
        for (String category : value.toLowerCase(Locale.ROOT).split("[,:\\s]+")) {
            if (JDK_RISKY_CATEGORIES.contains(category) && !risky.contains(category)) {
                risky.add(category);
            }
        }
        if (!risky.isEmpty()) {
            warnOnce(JDK_LOG_PROPERTY, "The system property " + JDK_LOG_PROPERTY + " turns on the JDK HTTP client's "
                    + "log of " + String.join(", ", risky) + ": it then logs nekorekten4j's requests — the Api-Key "
                    + "header in clear text, and the searched phones, e-mails and names of buyers (personal data). "
                    + "Remove it, or keep it to errors, outside a debugging session.", given);
        }
    }

    private void warnOnce(String source, String message, List<String> given) {
        if (warned.add(source)) {
            warn.accept(message);
            given.add(message);
        }
    }
}

package io.nekorekten4j.spring.boot.test;

import io.nekorekten4j.spring.boot.autoconfigure.NekorektenAutoConfiguration;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Starts a {@code FakeServer} (the in-memory fake behind the real wire protocol, on a free loopback
 * port) for the test's application context and points the auto-configured HTTP client at it:
 * {@code nekorekten.base-uri} is the server's address, {@code nekorekten.api-key} the annotation's key.
 * The real {@code NekorektenHttp} — quota gate, cache, retries, JSON mapping — runs against it, and
 * the server is a bean ({@code FakeServer}) to arrange reports or inject faults through its
 * {@code fake()}. One server per cached context; it stops when the context closes.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureNekorektenFakeServer
 * class CheckoutTest {
 *     @Autowired Screening screening;
 *     @Autowired FakeServer server;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(NekorektenAutoConfiguration.class)
public @interface AutoConfigureNekorektenFakeServer {

    /** Whether the fake starts with its twelve invented demo reports (default {@code true}). */
    boolean demoData() default true;

    /** The key the client sends; the server accepts any non-blank key. */
    String apiKey() default "nekorekten-test-key";
}

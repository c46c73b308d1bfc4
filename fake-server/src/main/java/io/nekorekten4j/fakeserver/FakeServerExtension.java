package io.nekorekten4j.fakeserver;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * A JUnit 5 extension that starts a {@link FakeServer} on a free port for a test class, stops it
 * after the class, and injects its base URI: into parameters of type {@link URI} (and
 * {@link FakeServer}, to reach its fake) of constructors, test and lifecycle methods, and into
 * fields annotated {@link FakeServerUri}.
 *
 * <pre>{@code
 * @ExtendWith(FakeServerExtension.class)
 * class CheckoutTest {
 *     @FakeServerUri URI nekorekten;
 *
 *     @Test
 *     void refusesCashOnDeliveryForAReportedPhone(FakeServer server) {
 *         server.fake().arrangeReport(draft, Instant.now(), "another-shop");
 *         Nekorekten api = NekorektenHttp.builder().baseUri(nekorekten).apiKey("test-key").build();
 *         …
 *     }
 * }
 * }</pre>
 *
 * With {@code @ExtendWith} the server has an empty fake and accepts every non-blank key; to
 * configure it, register the extension in a static field:
 * {@code @RegisterExtension static FakeServerExtension server = FakeServerExtension.of(() -> FakeServer.builder().seedDemoData());}
 *
 * <p>One server per top-level test class: every test of the class, and of its {@code @Nested}
 * classes, shares it and its fake — reset the fake ({@code server.fake().reset()}) in
 * {@code @BeforeEach} when tests must not see each other's reports.
 *
 * <p>JUnit Jupiter is a {@code provided} dependency of this module: the extension runs on the
 * JUnit your test suite already has (5.x), and nothing of JUnit reaches users of the server alone.
 */
public final class FakeServerExtension
        implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakeServerExtension.class);
    private static final String SERVER = "server";

    private final Supplier<FakeServer.Builder> configuration;

    /** An extension whose servers have an empty fake and accept every non-blank key (for {@code @ExtendWith}). */
    public FakeServerExtension() {
        this(FakeServer::builder);
    }

    private FakeServerExtension(Supplier<FakeServer.Builder> configuration) {
        this.configuration = configuration;
    }

    /**
     * An extension whose server is built from the builder {@code configuration} gives (called once
     * per test class). Leave its port at 0 unless a fixed port is really needed: tests run in
     * parallel builds.
     */
    public static FakeServerExtension of(Supplier<FakeServer.Builder> configuration) {
        return new FakeServerExtension(Objects.requireNonNull(configuration, "configuration"));
    }

    /** Starts the class's server, unless an enclosing class's runs, and fills static fields. */
    @Override
    public void beforeAll(ExtensionContext context) {
        FakeServer server = server(context);
        inject(context.getRequiredTestClass(), null, server);
    }

    /** Fills the instance fields annotated {@link FakeServerUri}. */
    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        inject(testInstance.getClass(), testInstance, server(context));
    }

    /** Stops the server this class started (an enclosing class's stays up for its other tests). */
    @Override
    public void afterAll(ExtensionContext context) {
        FakeServer server = classContext(context).getStore(NAMESPACE).remove(SERVER, FakeServer.class);
        if (server != null) {
            server.close();
        }
    }

    /** Parameters of type {@link URI} or {@link FakeServer}. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == URI.class || type == FakeServer.class;
    }

    /** The server's base URI, or the server. */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        FakeServer server = server(extensionContext);
        return parameterContext.getParameter().getType() == FakeServer.class ? server : server.uri();
    }

    /**
     * The server of the test class {@code context} belongs to: an enclosing class's, or one started
     * now and kept in the class's store (JUnit 5.13+ would also close it with the class; afterAll
     * closes it on every version).
     */
    private FakeServer server(ExtensionContext context) {
        ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
        synchronized (FakeServerExtension.class) {
            FakeServer server = store.get(SERVER, FakeServer.class);
            if (server == null) {
                server = Objects.requireNonNull(configuration.get(), "the configuration gave no builder").build().start();
                store.put(SERVER, server);
            }
            return server;
        }
    }

    /** The context of the test class: test methods' and invocations' contexts are below it. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** Fills the {@link FakeServerUri} fields of {@code type} and its superclasses: static ones when {@code instance} is null. */
    private static void inject(Class<?> type, Object instance, FakeServer server) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!field.isAnnotationPresent(FakeServerUri.class)
                        || Modifier.isStatic(field.getModifiers()) != (instance == null)) {
                    continue;
                }
                set(field, instance, server.uri());
            }
        }
    }

    private static void set(Field field, Object instance, URI uri) {
        if (Modifier.isFinal(field.getModifiers())) {
            throw new ExtensionConfigurationException("@FakeServerUri field " + field.getName() + " must not be final");
        }
        Object value;
        if (field.getType() == URI.class) {
            value = uri;
        } else if (field.getType() == String.class) {
            value = uri.toString();
        } else {
            throw new ExtensionConfigurationException("@FakeServerUri field " + field.getName()
                    + " must be a java.net.URI or a String, not " + field.getType().getName());
        }
        try {
            field.setAccessible(true);
            field.set(instance, value);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new ExtensionConfigurationException("cannot set @FakeServerUri field " + field.getName(), e);
        }
    }
}

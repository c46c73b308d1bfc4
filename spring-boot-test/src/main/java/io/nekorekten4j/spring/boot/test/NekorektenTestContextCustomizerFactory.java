package io.nekorekten4j.spring.boot.test;

import io.nekorekten4j.fakeserver.FakeServer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Applies {@link AutoConfigureNekorektenFakeServer} and {@link AutoConfigureNekorektenFake} to a
 * test's application context (registered in {@code META-INF/spring.factories}). Their settings
 * take precedence over every other {@code nekorekten.*} property, so a test never reaches the real
 * service by accident.
 */
public class NekorektenTestContextCustomizerFactory implements ContextCustomizerFactory {

    /** The name of the property source the annotations add. */
    public static final String PROPERTY_SOURCE = "nekorekten4j-test";

    /** A customizer for a test class carrying one of the annotations, else {@code null} (as the SPI asks). */
    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        AutoConfigureNekorektenFakeServer server =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigureNekorektenFakeServer.class);
        if (server != null) {
            return new FakeServerCustomizer(server.demoData(), server.apiKey());
        }
        AutoConfigureNekorektenFake fake =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigureNekorektenFake.class);
        if (fake != null) {
            return new InMemoryFakeCustomizer(fake.demoData());
        }
        return null;
    }

    private static void putFirst(ConfigurableApplicationContext context, Map<String, Object> properties) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
    }

    /** Starts a fake server and points the client at it. */
    private record FakeServerCustomizer(boolean demoData, String apiKey) implements ContextCustomizer {

        FakeServerCustomizer {
            Objects.requireNonNull(apiKey, "apiKey");
            if (apiKey.isBlank()) {
                throw new IllegalArgumentException("@AutoConfigureNekorektenFakeServer(apiKey) must not be blank");
            }
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            FakeServer.Builder builder = FakeServer.builder();
            if (demoData) {
                builder.seedDemoData();
            }
            FakeServer server = builder.build().start();
            context.getBeanFactory().registerSingleton("nekorektenFakeServer", server);
            context.addApplicationListener(new ApplicationListener<ContextClosedEvent>() {
                @Override
                public void onApplicationEvent(ContextClosedEvent event) {
                    if (event.getApplicationContext() == context) {
                        server.close();
                    }
                }
            });
            putFirst(context, Map.of("nekorekten.mode", "http", "nekorekten.base-uri", server.uri().toString(),
                    "nekorekten.api-key", apiKey));
        }

        /** Never the key. */
        @Override
        public String toString() {
            return "FakeServerCustomizer[demoData=" + demoData + "]";
        }
    }

    /** Makes the Nekorekten bean the in-memory fake. */
    private record InMemoryFakeCustomizer(boolean demoData) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            putFirst(context, Map.of("nekorekten.mode", "fake", "nekorekten.fake.demo-data", Boolean.toString(demoData)));
        }
    }
}

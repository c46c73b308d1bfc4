package io.nekorekten4j.fakeserver;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a test class that {@link FakeServerExtension} fills with the base URI of the
 * class's fake server: a {@link java.net.URI} or a {@link String} field, static or not, of any
 * visibility, not final. Static fields are filled before {@code @BeforeAll} methods run, instance
 * fields when the test instance is created.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface FakeServerUri {
}

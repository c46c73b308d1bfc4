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
 * Puts the in-memory {@code NekorektenFake} into the test's application context as the
 * {@code Nekorekten} bean ({@code nekorekten.mode=fake}), with a {@code Screening} over it — also in
 * slice tests ({@code @WebMvcTest} and the like), which do not load the starter's auto-configuration
 * on their own. No server, no port, no request anywhere.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(NekorektenAutoConfiguration.class)
public @interface AutoConfigureNekorektenFake {

    /** Whether the fake starts with its twelve invented demo reports (default {@code true}). */
    boolean demoData() default true;
}

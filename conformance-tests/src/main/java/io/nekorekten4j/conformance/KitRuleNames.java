package io.nekorekten4j.conformance;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Display names of the kit's rules that start with their {@link KitRule} id, so that a test
 * report names the id beside the rule: {@code K-CITIES-01 required_cities_listIsNotEmpty()}.
 * Everything else is named as JUnit's standard generator names it.
 */
final class KitRuleNames extends DisplayNameGenerator.Standard {

    /** For JUnit, which creates it reflectively. */
    KitRuleNames() {
    }

    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
                                               Method testMethod) {
        String standard = super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod);
        KitRule rule = testMethod.getAnnotation(KitRule.class);
        return rule == null ? standard : rule.id() + " " + standard;
    }
}

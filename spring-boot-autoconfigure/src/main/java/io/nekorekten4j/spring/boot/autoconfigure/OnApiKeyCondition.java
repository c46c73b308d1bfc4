package io.nekorekten4j.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code nekorekten.api-key} has text: {@code nekorekten.api-key=${NEKOREKTEN_API_KEY:}}
 * with the variable unset is no key, not a blank one that would fail the client's validation.
 */
class OnApiKeyCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        // Never the key's value in the outcome: condition reports are printed and served by actuator.
        return StringUtils.hasText(context.getEnvironment().getProperty("nekorekten.api-key"))
                ? ConditionOutcome.match("nekorekten.api-key is set")
                : ConditionOutcome.noMatch("nekorekten.api-key is not set or blank");
    }
}

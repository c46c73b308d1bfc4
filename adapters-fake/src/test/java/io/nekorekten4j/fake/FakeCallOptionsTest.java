package io.nekorekten4j.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.ports.CallOptions;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.RateLimitedException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The fake never waits, so per-call options have nothing to change: {@code withOptions} gives the
 * fake itself (the port's default), and code written for a view runs unchanged against it.
 */
class FakeCallOptionsTest {

    private static final SearchCriteria ANY = SearchCriteria.builder().phone("0888123456").build();

    @Test
    void aViewOfTheFakeIsTheFakeItselfSharingItsQuota() {
        NekorektenFake fake = NekorektenFake.builder().clock(MutableClock.at(Instant.parse("2026-03-02T09:00:00Z")))
                .quota(QuotaPlan.perMinute(1)).build();
        Nekorekten checkout = fake.withOptions(CallOptions.interactive());
        Nekorekten nightly = fake.withOptions(CallOptions.batch());

        checkout.search(ANY);

        assertThat(checkout).isSameAs(fake);
        assertThat(nightly).isSameAs(fake);
        assertThatThrownBy(() -> nightly.search(ANY)).as("the fake refuses at once, as the service does")
                .isInstanceOf(RateLimitedException.class);
        assertThat(fake.calls()).hasSize(2);
    }

    @Test
    void nullOptionsAreRefused() {
        assertThatNullPointerException().isThrownBy(() -> NekorektenFake.create().withOptions(null))
                .withMessage("options");
    }
}

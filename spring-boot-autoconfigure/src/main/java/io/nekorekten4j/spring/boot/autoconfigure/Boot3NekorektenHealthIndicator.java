package io.nekorekten4j.spring.boot.autoconfigure;

import java.util.Objects;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The client's health for Spring Boot 3's actuator ({@code org.springframework.boot.actuate.health}):
 * {@code UP}, {@code DEGRADED} (a status of its own, which the default aggregation leaves out of the
 * overall status; add it to {@code management.endpoint.health.status.order} to count it) or
 * {@code DOWN}. Spends no quota.
 */
public class Boot3NekorektenHealthIndicator implements HealthIndicator {

    /** The status of a working but impaired client. */
    public static final Status DEGRADED = new Status("DEGRADED", "calls may fail or wait");

    private final NekorektenHealth health;

    /** @param health the check */
    public Boot3NekorektenHealthIndicator(NekorektenHealth health) {
        this.health = Objects.requireNonNull(health, "health");
    }

    /** The check's result. */
    @Override
    public Health health() {
        NekorektenHealth.Report report = health.check();
        Status status = switch (report.level()) {
            case UP -> Status.UP;
            case DEGRADED -> DEGRADED;
            case DOWN -> Status.DOWN;
        };
        return Health.status(status).withDetails(report.details()).build();
    }
}

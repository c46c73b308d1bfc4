package io.nekorekten4j.redis;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.ReportsSearchContract;

/** The kit's {@link ReportsSearchContract}: the HTTP adapter with its quota and cache on Redis, against the fake server. */
class RedisKitReportsSearchContractTest extends ReportsSearchContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new RedisKitSubject();
    }
}

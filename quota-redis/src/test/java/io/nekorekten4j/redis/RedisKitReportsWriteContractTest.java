package io.nekorekten4j.redis;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.ReportsWriteContract;

/** The kit's {@link ReportsWriteContract}: the HTTP adapter with its quota and cache on Redis, against the fake server. */
class RedisKitReportsWriteContractTest extends ReportsWriteContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new RedisKitSubject();
    }
}

package io.nekorekten4j.redis;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.FailureContract;

/** The kit's {@link FailureContract}: the HTTP adapter with its quota and cache on Redis, against the fake server. */
class RedisKitFailureContractTest extends FailureContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new RedisKitSubject();
    }
}

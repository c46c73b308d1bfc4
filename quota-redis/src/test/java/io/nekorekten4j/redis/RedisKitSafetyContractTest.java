package io.nekorekten4j.redis;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.SafetyContract;

/** The kit's {@link SafetyContract}: the HTTP adapter with its quota and cache on Redis, against the fake server. */
class RedisKitSafetyContractTest extends SafetyContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new RedisKitSubject();
    }
}

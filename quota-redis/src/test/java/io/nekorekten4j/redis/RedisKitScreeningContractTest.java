package io.nekorekten4j.redis;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.ScreeningContract;

/** The kit's {@link ScreeningContract}: the HTTP adapter with its quota and cache on Redis, against the fake server. */
class RedisKitScreeningContractTest extends ScreeningContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new RedisKitSubject();
    }
}

package io.nekorekten4j.redis;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.CallOptionsContract;

/** The kit's {@link CallOptionsContract}: the HTTP adapter with its quota and cache on Redis, against the fake server. */
class RedisKitCallOptionsContractTest extends CallOptionsContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new RedisKitSubject();
    }
}

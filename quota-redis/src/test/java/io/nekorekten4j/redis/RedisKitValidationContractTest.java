package io.nekorekten4j.redis;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.ValidationContract;

/** The kit's {@link ValidationContract}: the HTTP adapter with its quota and cache on Redis, against the fake server. */
class RedisKitValidationContractTest extends ValidationContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new RedisKitSubject();
    }
}

package io.nekorekten4j.redis;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.CitiesContract;

/** The kit's {@link CitiesContract}: the HTTP adapter with its quota and cache on Redis, against the fake server. */
class RedisKitCitiesContractTest extends CitiesContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new RedisKitSubject();
    }
}

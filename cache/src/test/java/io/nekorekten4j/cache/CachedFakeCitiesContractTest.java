package io.nekorekten4j.cache;

import io.nekorekten4j.conformance.CitiesContract;
import io.nekorekten4j.conformance.ConformanceSubject;

/** The kit's {@link CitiesContract} against the in-memory fake behind {@link CachingNekorekten}. */
class CachedFakeCitiesContractTest extends CitiesContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new CachedFakeSubject();
    }
}

package io.nekorekten4j.cache;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.SafetyContract;

/** The kit's {@link SafetyContract} against the in-memory fake behind {@link CachingNekorekten}. */
class CachedFakeSafetyContractTest extends SafetyContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new CachedFakeSubject();
    }
}

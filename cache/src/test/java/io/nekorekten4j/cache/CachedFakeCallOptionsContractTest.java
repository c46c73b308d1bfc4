package io.nekorekten4j.cache;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.CallOptionsContract;

/** The kit's {@link CallOptionsContract} against the in-memory fake behind {@link CachingNekorekten}. */
class CachedFakeCallOptionsContractTest extends CallOptionsContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new CachedFakeSubject();
    }
}

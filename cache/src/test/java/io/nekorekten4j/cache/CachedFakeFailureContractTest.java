package io.nekorekten4j.cache;

import io.nekorekten4j.conformance.FailureContract;
import io.nekorekten4j.conformance.ConformanceSubject;

/** The kit's {@link FailureContract} against the in-memory fake behind {@link CachingNekorekten}. */
class CachedFakeFailureContractTest extends FailureContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new CachedFakeSubject();
    }
}

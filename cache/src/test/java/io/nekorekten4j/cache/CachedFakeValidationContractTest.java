package io.nekorekten4j.cache;

import io.nekorekten4j.conformance.ValidationContract;
import io.nekorekten4j.conformance.ConformanceSubject;

/** The kit's {@link ValidationContract} against the in-memory fake behind {@link CachingNekorekten}. */
class CachedFakeValidationContractTest extends ValidationContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new CachedFakeSubject();
    }
}

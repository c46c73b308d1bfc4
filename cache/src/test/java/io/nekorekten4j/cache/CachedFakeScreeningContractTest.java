package io.nekorekten4j.cache;

import io.nekorekten4j.conformance.ScreeningContract;
import io.nekorekten4j.conformance.ConformanceSubject;

/** The kit's {@link ScreeningContract} against the in-memory fake behind {@link CachingNekorekten}. */
class CachedFakeScreeningContractTest extends ScreeningContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new CachedFakeSubject();
    }
}

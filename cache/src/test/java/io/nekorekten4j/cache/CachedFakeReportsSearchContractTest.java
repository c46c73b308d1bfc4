package io.nekorekten4j.cache;

import io.nekorekten4j.conformance.ReportsSearchContract;
import io.nekorekten4j.conformance.ConformanceSubject;

/** The kit's {@link ReportsSearchContract} against the in-memory fake behind {@link CachingNekorekten}. */
class CachedFakeReportsSearchContractTest extends ReportsSearchContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new CachedFakeSubject();
    }
}

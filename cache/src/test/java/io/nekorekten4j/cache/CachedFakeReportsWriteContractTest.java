package io.nekorekten4j.cache;

import io.nekorekten4j.conformance.ReportsWriteContract;
import io.nekorekten4j.conformance.ConformanceSubject;

/** The kit's {@link ReportsWriteContract} against the in-memory fake behind {@link CachingNekorekten}. */
class CachedFakeReportsWriteContractTest extends ReportsWriteContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new CachedFakeSubject();
    }
}

package io.nekorekten4j.fakeserver;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.ReportsWriteContract;
import io.nekorekten4j.testing.TestClients.Wire;

/**
 * The kit's {@link ReportsWriteContract} against {@code CachingNekorekten} (nekorekten4j-cache) in front of
 * the HTTP adapter with its own cache off, on java.net.http, against the {@link FakeServer}.
 */
class CachedFakeServerJdkReportsWriteContractTest extends ReportsWriteContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeServerConformanceSubject(Wire.JDK, true);
    }
}

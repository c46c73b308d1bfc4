package io.nekorekten4j.fakeserver;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.ReportsSearchContract;
import io.nekorekten4j.testing.TestClients.Wire;

/**
 * The kit's {@link ReportsSearchContract} against {@code CachingNekorekten} (nekorekten4j-cache) in front of
 * the HTTP adapter with its own cache off, on java.net.http, against the {@link FakeServer}.
 */
class CachedFakeServerJdkReportsSearchContractTest extends ReportsSearchContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeServerConformanceSubject(Wire.JDK, true);
    }
}

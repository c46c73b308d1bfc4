package io.nekorekten4j.fakeserver;

import io.nekorekten4j.conformance.ReportsWriteContract;
import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.testing.TestClients.Wire;

/** The kit's {@link ReportsWriteContract}: the HTTP adapter on java.net.http against the {@link FakeServer}. */
class FakeServerJdkReportsWriteContractTest extends ReportsWriteContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeServerConformanceSubject(Wire.JDK);
    }
}

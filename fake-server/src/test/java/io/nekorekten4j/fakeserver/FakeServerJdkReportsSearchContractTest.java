package io.nekorekten4j.fakeserver;

import io.nekorekten4j.conformance.ReportsSearchContract;
import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.testing.TestClients.Wire;

/** The kit's {@link ReportsSearchContract}: the HTTP adapter on java.net.http against the {@link FakeServer}. */
class FakeServerJdkReportsSearchContractTest extends ReportsSearchContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeServerConformanceSubject(Wire.JDK);
    }
}

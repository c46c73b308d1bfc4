package io.nekorekten4j.fakeserver;

import io.nekorekten4j.conformance.ReportsSearchContract;
import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.testing.TestClients.Wire;

/** The kit's {@link ReportsSearchContract}: the HTTP adapter on Apache HttpClient 5 against the {@link FakeServer}. */
class FakeServerApacheReportsSearchContractTest extends ReportsSearchContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeServerConformanceSubject(Wire.APACHE);
    }
}

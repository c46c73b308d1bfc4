package io.nekorekten4j.fakeserver;

import io.nekorekten4j.conformance.CitiesContract;
import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.testing.TestClients.Wire;

/** The kit's {@link CitiesContract}: the HTTP adapter on Apache HttpClient 5 against the {@link FakeServer}. */
class FakeServerApacheCitiesContractTest extends CitiesContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeServerConformanceSubject(Wire.APACHE);
    }
}

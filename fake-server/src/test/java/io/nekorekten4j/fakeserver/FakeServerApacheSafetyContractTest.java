package io.nekorekten4j.fakeserver;

import io.nekorekten4j.conformance.SafetyContract;
import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.testing.TestClients.Wire;

/** The kit's {@link SafetyContract}: the HTTP adapter on Apache HttpClient 5 against the {@link FakeServer}. */
class FakeServerApacheSafetyContractTest extends SafetyContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeServerConformanceSubject(Wire.APACHE);
    }
}

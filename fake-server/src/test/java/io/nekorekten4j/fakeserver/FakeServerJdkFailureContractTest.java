package io.nekorekten4j.fakeserver;

import io.nekorekten4j.conformance.FailureContract;
import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.testing.TestClients.Wire;

/** The kit's {@link FailureContract}: the HTTP adapter on java.net.http against the {@link FakeServer}. */
class FakeServerJdkFailureContractTest extends FailureContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeServerConformanceSubject(Wire.JDK);
    }
}

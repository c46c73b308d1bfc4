package io.nekorekten4j.fakeserver;

import io.nekorekten4j.conformance.ValidationContract;
import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.testing.TestClients.Wire;

/** The kit's {@link ValidationContract}: the HTTP adapter on java.net.http against the {@link FakeServer}. */
class FakeServerJdkValidationContractTest extends ValidationContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeServerConformanceSubject(Wire.JDK);
    }
}

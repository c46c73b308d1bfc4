package io.nekorekten4j.fakeserver;

import io.nekorekten4j.conformance.FilesContract;
import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.testing.TestClients.Wire;

/** The kit's {@link FilesContract}: the HTTP adapter on Apache HttpClient 5 against the {@link FakeServer}. */
class FakeServerApacheFilesContractTest extends FilesContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeServerConformanceSubject(Wire.APACHE);
    }
}

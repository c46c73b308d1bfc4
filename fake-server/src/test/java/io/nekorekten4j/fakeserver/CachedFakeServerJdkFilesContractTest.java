package io.nekorekten4j.fakeserver;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.FilesContract;
import io.nekorekten4j.testing.TestClients.Wire;

/**
 * The kit's {@link FilesContract} against {@code CachingNekorekten} (nekorekten4j-cache) in front of
 * the HTTP adapter with its own cache off, on java.net.http, against the {@link FakeServer}.
 */
class CachedFakeServerJdkFilesContractTest extends FilesContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeServerConformanceSubject(Wire.JDK, true);
    }
}

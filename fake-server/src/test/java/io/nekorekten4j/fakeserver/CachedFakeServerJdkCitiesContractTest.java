package io.nekorekten4j.fakeserver;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.CitiesContract;
import io.nekorekten4j.testing.TestClients.Wire;

/**
 * The kit's {@link CitiesContract} against {@code CachingNekorekten} (nekorekten4j-cache) in front of
 * the HTTP adapter with its own cache off, on java.net.http, against the {@link FakeServer}.
 */
class CachedFakeServerJdkCitiesContractTest extends CitiesContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeServerConformanceSubject(Wire.JDK, true);
    }
}

package io.nekorekten4j.fakeserver;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.SafetyContract;
import io.nekorekten4j.testing.TestClients.Wire;

/**
 * The kit's {@link SafetyContract} against {@code CachingNekorekten} (nekorekten4j-cache) in front of
 * the HTTP adapter with its own cache off, on java.net.http, against the {@link FakeServer}.
 */
class CachedFakeServerJdkSafetyContractTest extends SafetyContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeServerConformanceSubject(Wire.JDK, true);
    }
}

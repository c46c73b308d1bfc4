package io.nekorekten4j.http;

import io.nekorekten4j.conformance.CitiesContract;
import io.nekorekten4j.conformance.ConformanceSubject;

/**
 * The kit's {@link CitiesContract} against {@code CachingNekorekten} (nekorekten4j-cache) in front of
 * {@link NekorektenHttp} with its own cache off, on the {@link JdkTransport}, over WireMock.
 */
class CachedHttpJdkCitiesContractTest extends CitiesContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new HttpConformanceSubject(JdkTransport.builder()::build, true);
    }
}

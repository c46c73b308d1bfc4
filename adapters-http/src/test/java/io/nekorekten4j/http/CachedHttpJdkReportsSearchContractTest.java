package io.nekorekten4j.http;

import io.nekorekten4j.conformance.ReportsSearchContract;
import io.nekorekten4j.conformance.ConformanceSubject;

/**
 * The kit's {@link ReportsSearchContract} against {@code CachingNekorekten} (nekorekten4j-cache) in front of
 * {@link NekorektenHttp} with its own cache off, on the {@link JdkTransport}, over WireMock.
 */
class CachedHttpJdkReportsSearchContractTest extends ReportsSearchContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new HttpConformanceSubject(JdkTransport.builder()::build, true);
    }
}

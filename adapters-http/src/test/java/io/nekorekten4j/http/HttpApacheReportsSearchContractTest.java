package io.nekorekten4j.http;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.ReportsSearchContract;

/** The kit's {@link ReportsSearchContract} against {@link NekorektenHttp} on the {@link ApacheTransport}, over WireMock. */
class HttpApacheReportsSearchContractTest extends ReportsSearchContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new HttpConformanceSubject(ApacheTransport.builder()::build);
    }
}

package io.nekorekten4j.http;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.ReportsWriteContract;

/** The kit's {@link ReportsWriteContract} against {@link NekorektenHttp} on the {@link ApacheTransport}, over WireMock. */
class HttpApacheReportsWriteContractTest extends ReportsWriteContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new HttpConformanceSubject(ApacheTransport.builder()::build);
    }
}

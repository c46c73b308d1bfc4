package io.nekorekten4j.http;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.ReportsSearchContract;

/** The kit's {@link ReportsSearchContract} against {@link NekorektenHttp} on the {@link JdkTransport}, over WireMock. */
class HttpJdkReportsSearchContractTest extends ReportsSearchContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new HttpConformanceSubject(JdkTransport.builder()::build);
    }
}

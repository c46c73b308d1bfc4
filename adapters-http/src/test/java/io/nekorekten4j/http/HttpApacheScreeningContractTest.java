package io.nekorekten4j.http;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.ScreeningContract;

/** The kit's {@link ScreeningContract} against {@link NekorektenHttp} on the {@link ApacheTransport}, over WireMock. */
class HttpApacheScreeningContractTest extends ScreeningContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new HttpConformanceSubject(ApacheTransport.builder()::build);
    }
}

package io.nekorekten4j.http;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.FailureContract;

/** The kit's {@link FailureContract} against {@link NekorektenHttp} on the {@link ApacheTransport}, over WireMock. */
class HttpApacheFailureContractTest extends FailureContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new HttpConformanceSubject(ApacheTransport.builder()::build);
    }
}

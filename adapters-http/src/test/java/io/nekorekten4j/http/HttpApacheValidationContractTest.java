package io.nekorekten4j.http;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.ValidationContract;

/** The kit's {@link ValidationContract} against {@link NekorektenHttp} on the {@link ApacheTransport}, over WireMock. */
class HttpApacheValidationContractTest extends ValidationContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new HttpConformanceSubject(ApacheTransport.builder()::build);
    }
}

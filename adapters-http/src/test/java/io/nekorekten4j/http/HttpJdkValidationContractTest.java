package io.nekorekten4j.http;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.ValidationContract;

/** The kit's {@link ValidationContract} against {@link NekorektenHttp} on the {@link JdkTransport}, over WireMock. */
class HttpJdkValidationContractTest extends ValidationContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new HttpConformanceSubject(JdkTransport.builder()::build);
    }
}

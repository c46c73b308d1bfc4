package io.nekorekten4j.http;

import io.nekorekten4j.conformance.CitiesContract;
import io.nekorekten4j.conformance.ConformanceSubject;

/** The kit's {@link CitiesContract} against {@link NekorektenHttp} on the {@link ApacheTransport}, over WireMock. */
class HttpApacheCitiesContractTest extends CitiesContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new HttpConformanceSubject(ApacheTransport.builder()::build);
    }
}

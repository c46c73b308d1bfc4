package io.nekorekten4j.http;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.FilesContract;

/** The kit's {@link FilesContract} against {@link NekorektenHttp} on the {@link JdkTransport}, over WireMock. */
class HttpJdkFilesContractTest extends FilesContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new HttpConformanceSubject(JdkTransport.builder()::build);
    }
}

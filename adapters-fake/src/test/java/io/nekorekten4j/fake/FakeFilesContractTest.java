package io.nekorekten4j.fake;

import io.nekorekten4j.conformance.FilesContract;
import io.nekorekten4j.conformance.ConformanceSubject;

/** The conformance kit's {@link FilesContract}, run against {@link NekorektenFake}. */
class FakeFilesContractTest extends FilesContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeConformanceSubject();
    }
}

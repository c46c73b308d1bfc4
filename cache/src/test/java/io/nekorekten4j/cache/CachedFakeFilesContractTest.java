package io.nekorekten4j.cache;

import io.nekorekten4j.conformance.FilesContract;
import io.nekorekten4j.conformance.ConformanceSubject;

/** The kit's {@link FilesContract} against the in-memory fake behind {@link CachingNekorekten}. */
class CachedFakeFilesContractTest extends FilesContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new CachedFakeSubject();
    }
}

package io.nekorekten4j.redis;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.FilesContract;

/** The kit's {@link FilesContract}: the HTTP adapter with its quota and cache on Redis, against the fake server. */
class RedisKitFilesContractTest extends FilesContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new RedisKitSubject();
    }
}

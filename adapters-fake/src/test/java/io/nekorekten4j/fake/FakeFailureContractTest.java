package io.nekorekten4j.fake;

import io.nekorekten4j.conformance.FailureContract;
import io.nekorekten4j.conformance.ConformanceSubject;

/** The conformance kit's {@link FailureContract}, run against {@link NekorektenFake}. */
class FakeFailureContractTest extends FailureContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeConformanceSubject();
    }
}

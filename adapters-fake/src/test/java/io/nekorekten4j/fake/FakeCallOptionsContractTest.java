package io.nekorekten4j.fake;

import io.nekorekten4j.conformance.CallOptionsContract;
import io.nekorekten4j.conformance.ConformanceSubject;

/** The conformance kit's {@link CallOptionsContract}, run against {@link NekorektenFake}. */
class FakeCallOptionsContractTest extends CallOptionsContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeConformanceSubject();
    }
}

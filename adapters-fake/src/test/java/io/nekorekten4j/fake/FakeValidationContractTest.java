package io.nekorekten4j.fake;

import io.nekorekten4j.conformance.ValidationContract;
import io.nekorekten4j.conformance.ConformanceSubject;

/** The conformance kit's {@link ValidationContract}, run against {@link NekorektenFake}. */
class FakeValidationContractTest extends ValidationContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeConformanceSubject();
    }
}

package io.nekorekten4j.fake;

import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.ScreeningContract;

/** The conformance kit's {@link ScreeningContract}, run against {@link NekorektenFake}. */
class FakeScreeningContractTest extends ScreeningContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeConformanceSubject();
    }
}

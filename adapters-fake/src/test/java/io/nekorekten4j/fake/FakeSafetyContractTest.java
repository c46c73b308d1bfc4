package io.nekorekten4j.fake;

import io.nekorekten4j.conformance.SafetyContract;
import io.nekorekten4j.conformance.ConformanceSubject;

/** The conformance kit's {@link SafetyContract}, run against {@link NekorektenFake}. */
class FakeSafetyContractTest extends SafetyContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeConformanceSubject();
    }
}

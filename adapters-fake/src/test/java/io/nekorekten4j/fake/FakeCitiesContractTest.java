package io.nekorekten4j.fake;

import io.nekorekten4j.conformance.CitiesContract;
import io.nekorekten4j.conformance.ConformanceSubject;

/** The conformance kit's {@link CitiesContract}, run against {@link NekorektenFake}. */
class FakeCitiesContractTest extends CitiesContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeConformanceSubject();
    }
}

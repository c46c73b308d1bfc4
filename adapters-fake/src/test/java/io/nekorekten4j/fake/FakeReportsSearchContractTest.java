package io.nekorekten4j.fake;

import io.nekorekten4j.conformance.ReportsSearchContract;
import io.nekorekten4j.conformance.ConformanceSubject;

/** The conformance kit's {@link ReportsSearchContract}, run against {@link NekorektenFake}. */
class FakeReportsSearchContractTest extends ReportsSearchContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeConformanceSubject();
    }
}

package io.nekorekten4j.fake;

import io.nekorekten4j.conformance.ReportsWriteContract;
import io.nekorekten4j.conformance.ConformanceSubject;

/** The conformance kit's {@link ReportsWriteContract}, run against {@link NekorektenFake}. */
class FakeReportsWriteContractTest extends ReportsWriteContract {

    @Override
    protected ConformanceSubject createSubject() {
        return new FakeConformanceSubject();
    }
}

package io.nekorekten4j.fakeserver;

import io.nekorekten4j.conformance.CallOptionsContract;
import io.nekorekten4j.conformance.CitiesContract;
import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.FailureContract;
import io.nekorekten4j.conformance.FilesContract;
import io.nekorekten4j.conformance.ReportsSearchContract;
import io.nekorekten4j.conformance.ReportsWriteContract;
import io.nekorekten4j.conformance.SafetyContract;
import io.nekorekten4j.conformance.ScreeningContract;
import io.nekorekten4j.conformance.ValidationContract;
import io.nekorekten4j.testing.TestClients.Wire;
import org.junit.jupiter.api.Nested;

/**
 * The whole kit against the HTTP adapter on the JDK's HttpClient, built as a user builds it: retries on
 * ({@code RetryOptions.defaults()}), through public API only (this package is not the adapter's),
 * with virtual time given to the public builder's {@code clock} and {@code sleeper}, so backoff
 * and {@code Retry-After} waits pass without real time. The other runs of the kit turn retries
 * off to count one request per call; this one shows the rules hold for the client users get.
 */
class FakeServerJdkRetryingKitTest {

    private static ConformanceSubject retryingSubject() {
        return FakeServerConformanceSubject.retrying(Wire.JDK);
    }

    @Nested
    class Cities extends CitiesContract {
        @Override
        protected ConformanceSubject createSubject() {
            return retryingSubject();
        }
    }

    @Nested
    class Failure extends FailureContract {
        @Override
        protected ConformanceSubject createSubject() {
            return retryingSubject();
        }
    }

    @Nested
    class Files extends FilesContract {
        @Override
        protected ConformanceSubject createSubject() {
            return retryingSubject();
        }
    }

    @Nested
    class ReportsSearch extends ReportsSearchContract {
        @Override
        protected ConformanceSubject createSubject() {
            return retryingSubject();
        }
    }

    @Nested
    class ReportsWrite extends ReportsWriteContract {
        @Override
        protected ConformanceSubject createSubject() {
            return retryingSubject();
        }
    }

    @Nested
    class Screening extends ScreeningContract {
        @Override
        protected ConformanceSubject createSubject() {
            return retryingSubject();
        }
    }

    @Nested
    class Validation extends ValidationContract {
        @Override
        protected ConformanceSubject createSubject() {
            return retryingSubject();
        }
    }

    @Nested
    class Safety extends SafetyContract {
        @Override
        protected ConformanceSubject createSubject() {
            return retryingSubject();
        }
    }

    @Nested
    class Options extends CallOptionsContract {
        @Override
        protected ConformanceSubject createSubject() {
            return retryingSubject();
        }
    }
}

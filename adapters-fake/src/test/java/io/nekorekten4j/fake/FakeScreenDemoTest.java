package io.nekorekten4j.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The screening demo prints a verdict, masked names and matches, and nothing secret. */
class FakeScreenDemoTest {

    private static String run(NekorektenFake fake) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScreenDemo.run(fake, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onTheDemoDataTheBuyerIsFoundTwiceWithWhatEachReportMatched() {
        NekorektenFake fake = NekorektenFake.create();
        fake.seedDemoData();

        String out = run(fake);

        assertThat(out).contains("FOUND: 2 reports")
                .contains("2025-11-03  Ив** Пет***  matched EMAIL: COMPATIBLE_WITH_MASK")
                .contains("2025-01-11  Не** Желяз****  matched PHONE: CERTAIN")
                .doesNotContain(NekorektenFake.DEFAULT_API_KEY)
                .doesNotContain("ivan@example.bg")
                .doesNotContain("888123456")
                .doesNotContain("Желязкова");
        assertThat(out.indexOf("2025-11-03")).isLessThan(out.indexOf("2025-01-11"));
    }

    @Test
    void onAnEmptyFakeTheVerdictIsNotFound() {
        assertThat(run(NekorektenFake.create())).contains("NOT FOUND").doesNotContain("FOUND:");
    }
}

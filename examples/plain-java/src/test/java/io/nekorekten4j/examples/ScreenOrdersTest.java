package io.nekorekten4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.nekorekten4j.fakeserver.FakeServer;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.screening.Verdict;
import io.nekorekten4j.ports.screening.ScreeningResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example does what its Javadoc says, over the wire, against the fake server's demo data. */
class ScreenOrdersTest {

    @Test
    void theBundledOrdersAreScreenedWithOneVerdictPerOrderAndOneRequestPerDistinctBuyer() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        String key = "test-key";
        List<ScreenOrders.Order> orders = ScreenOrders.Order.parse(
                new String(ScreenOrders.class.getResourceAsStream("orders.csv").readAllBytes(), StandardCharsets.UTF_8));

        List<ScreeningResult> results;
        long requests;
        try (FakeServer server = FakeServer.builder().seedDemoData().acceptKey(key).build().start();
             Nekorekten api = ScreenOrders.client(server.uri(), key)) {
            results = ScreenOrders.screen(api, orders, out);
            requests = server.requestCount();
        }

        assertThat(results).extracting(ScreeningResult::verdict)
                .containsExactly(Verdict.FOUND, Verdict.FOUND, Verdict.NOT_FOUND, Verdict.FOUND);
        assertThat(requests).as("one request per distinct buyer at most").isBetween(1L, 4L);
        assertThat(captured.toString(StandardCharsets.UTF_8).lines().toList())
                .hasSize(4)
                .satisfies(lines -> {
                    assertThat(lines.get(0)).startsWith("1001 HOLD: ").contains("zsztHZdowm (email COMPATIBLE_WITH_MASK");
                    assertThat(lines.get(1)).startsWith("1002 HOLD: 1 report(s): wkFjtpPpl9 (phone CERTAIN)");
                    assertThat(lines.get(2)).isEqualTo("1003 SHIP: no reports");
                    assertThat(lines.get(3)).startsWith("1004 HOLD: ").contains("wkFjtpPpl9 (phone CERTAIN");
                });
    }

    @Test
    void mainRunsTheWholeExampleOnTheBundledFile() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            ScreenOrders.main(new String[0]);
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8).lines())
                .extracting(line -> line.substring(0, line.indexOf(':')))
                .containsExactly("1001 HOLD", "1002 HOLD", "1003 SHIP", "1004 HOLD");
    }

    @Test
    void quotedFieldsKeepTheirCommasAndQuotes() {
        assertThat(ScreenOrders.Order.fields("1,\"Петров, Иван\",\"say \"\"hi\"\"\",")).containsExactly("1",
                "Петров, Иван", "say \"hi\"", "");
    }

    @Test
    void columnsAreFoundByNameInAnyOrderAndCase() {
        List<ScreenOrders.Order> orders = ScreenOrders.Order.parse("\uFEFFEmail,Note,ORDER\nivan@example.bg,x,77\n");

        assertThat(orders).singleElement().satisfies(order -> {
            assertThat(order.id()).isEqualTo("77");
            assertThat(order.buyer().email()).hasValueSatisfying(e -> assertThat(e.value()).isEqualTo("ivan@example.bg"));
        });
    }

    @Test
    void aRowWithoutAnyBuyerFieldOrWithABadPhoneIsRefusedNamingItsLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScreenOrders.Order.parse("order,phone\n1,0888123456\n2,\n"))
                .withMessageStartingWith("line 3: ");
        assertThatIllegalArgumentException().isThrownBy(() -> ScreenOrders.Order.parse("order,phone\n1,12\n"))
                .withMessageStartingWith("line 2: ");
        assertThatIllegalArgumentException().isThrownBy(() -> ScreenOrders.Order.parse("order,name\n1,\"open\n"))
                .withMessageContaining("not closed");
        assertThatIllegalArgumentException().isThrownBy(() -> ScreenOrders.Order.parse(""))
                .withMessageContaining("header");
    }
}

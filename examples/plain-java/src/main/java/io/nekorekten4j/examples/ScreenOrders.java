package io.nekorekten4j.examples;

import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.fakeserver.FakeServer;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.screening.Buyer;
import io.nekorekten4j.ports.screening.Screening;
import io.nekorekten4j.ports.screening.ScreeningListener;
import io.nekorekten4j.ports.screening.ScreeningResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Screens a CSV file of orders before shipping: one verdict per order, from one request per distinct
 * buyer, through the HTTP client — here against the fake server on a loopback port, seeded with the
 * demo data, so that it runs without a key or a network.
 *
 * <pre>
 * ./mvnw -q -pl examples/plain-java -am compile exec:java                                  # the bundled orders.csv
 * ./mvnw -q -pl examples/plain-java -am compile exec:java -Dexec.args=path/to/orders.csv   # your own
 * </pre>
 *
 * <p>The file needs a header row; the columns {@code order}, {@code phone}, {@code email},
 * {@code name} and {@code site} are found by name (any case, any order, any other columns
 * ignored). In your application the client is built the same way with your key and without
 * {@code baseUri}; everything else stays as it is.
 */
public final class ScreenOrders {

    private ScreenOrders() {
    }

    /**
     * Screens the orders of the file given as the only argument, or of the bundled example file.
     *
     * @param args nothing, or the path of a UTF-8 CSV file of orders
     * @throws IOException when the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        List<Order> orders = args.length == 0 ? Order.parse(bundledOrders()) : Order.parse(Files.readString(Path.of(args[0])));
        String key = "example-key";
        try (FakeServer server = FakeServer.builder().seedDemoData().acceptKey(key).build().start();
             Nekorekten api = client(server.uri(), key)) {
            screen(api, orders, System.out);
        }
    }

    /** The client as an application builds it; only {@code baseUri} points it at the fake server. */
    static Nekorekten client(URI baseUri, String apiKey) {
        return NekorektenHttp.builder()
                .apiKey(apiKey)
                .baseUri(baseUri)
                .quota(QuotaPlan.START)
                .userAgentSuffix("screen-orders-example/1.0")
                .build();
    }

    /**
     * Screens every order and prints one line per order: its id, the verdict and what it is based on.
     *
     * @return the results, one per order, in the file's order
     */
    static List<ScreeningResult> screen(Nekorekten api, List<Order> orders, PrintStream out) {
        Screening screening = Screening.of(api, QuotaPlan.START);
        List<Buyer> buyers = orders.stream().map(Order::buyer).toList();
        List<ScreeningResult> results = screening.screenAll(buyers, ScreeningListener.none());
        for (int i = 0; i < orders.size(); i++) {
            out.println(orders.get(i).id() + " " + describe(results.get(i)));
        }
        return results;
    }

    private static String describe(ScreeningResult result) {
        return switch (result.verdict()) {
            case FOUND -> "HOLD: " + result.minimumCount() + " report(s): " + result.hits().stream()
                    .map(ScreenOrders::describe)
                    .collect(Collectors.joining(", "));
            case NOT_FOUND -> "SHIP: no reports";
            case NOT_CHECKED -> "CHECK BY HAND: " + result.notCheckedReason().orElseThrow();
        };
    }

    private static String describe(SearchHit hit) {
        return hit.report().id().value() + " (" + hit.matchedBy().entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(java.util.Locale.ROOT) + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String bundledOrders() {
        try (InputStream in = ScreenOrders.class.getResourceAsStream("orders.csv")) {
            if (in == null) {
                throw new IllegalStateException("orders.csv is missing from the example's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled orders.csv", e);
        }
    }

    /** One order of the file: its id (or line number) and its buyer. */
    record Order(String id, Buyer buyer) {

        /**
         * The orders of a CSV text with a header row. Fields may be quoted ({@code "a, b"}, with
         * {@code ""} for a quote); a quoted field may not span lines.
         *
         * @throws IllegalArgumentException naming the line, when a row has no buyer field or an
         *                                  invalid one (the domain's message says which)
         */
        static List<Order> parse(String csv) {
            List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("the file is empty: it needs a header row");
            }
            List<String> header = fields(stripBom(lines.get(0))).stream()
                    .map(h -> h.strip().toLowerCase(java.util.Locale.ROOT))
                    .toList();
            List<Order> orders = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                List<String> row = fields(lines.get(i));
                int line = i + 1;
                String id = column(header, row, "order");
                Buyer.Builder buyer = Buyer.builder();
                String phone = column(header, row, "phone");
                String email = column(header, row, "email");
                String name = column(header, row, "name");
                String site = column(header, row, "site");
                try {
                    if (!phone.isEmpty()) {
                        buyer.phone(phone);
                    }
                    if (!email.isEmpty()) {
                        buyer.email(email);
                    }
                    if (!name.isEmpty()) {
                        buyer.name(name);
                    }
                    if (!site.isEmpty()) {
                        buyer.site(site);
                    }
                    orders.add(new Order(id.isEmpty() ? "line " + line : id, buyer.build()));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
                }
            }
            return orders;
        }

        private static String column(List<String> header, List<String> row, String name) {
            int index = header.indexOf(name);
            return index < 0 || index >= row.size() ? "" : row.get(index).strip();
        }

        private static String stripBom(String line) {
            return line.startsWith("\uFEFF") ? line.substring(1) : line;
        }

        /** The fields of one line: commas separate, double quotes enclose, {@code ""} is a quote. */
        static List<String> fields(String line) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            try (Reader in = new StringReader(line)) {
                int c;
                while ((c = in.read()) != -1) {
                    if (quoted) {
                        if (c == '"') {
                            in.mark(1);
                            if (in.read() == '"') {
                                field.append('"');
                            } else {
                                in.reset();
                                quoted = false;
                            }
                        } else {
                            field.append((char) c);
                        }
                    } else if (c == '"') {
                        quoted = true;
                    } else if (c == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                    } else {
                        field.append((char) c);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringReader does not fail
            }
            if (quoted) {
                throw new IllegalArgumentException("a quoted field is not closed: " + line);
            }
            fields.add(field.toString());
            return fields;
        }
    }
}

package io.nekorekten4j.bench;

import io.nekorekten4j.ports.screening.Buyer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A day's orders for the quota simulation: {@code orders} orders from {@code buyers} buyers, every
 * buyer ordering at least once and the remaining orders going to buyers drawn from a Zipf
 * distribution (exponent 1: the first buyer orders most, as regulars do), shuffled with a fixed
 * seed. Each order carries the buyer's phone as people type it — {@code 0888…}, {@code 0888 …},
 * {@code +359 88…} or {@code 359888…}, chosen per order — and their e-mail, sometimes in capitals.
 */
final class OrderStream {

    /** One order: the buyer's number (from 0) and their contact as typed on this order. */
    record Order(int number, int buyer, String phone, String email) {

        /** The buyer as the shop would screen them. */
        Buyer asBuyer() {
            return Buyer.builder().phone(phone).email(email).build();
        }
    }

    private OrderStream() {
    }

    /** The orders, in the order they come. */
    static List<Order> zipf(int orders, int buyers, long seed) {
        if (orders < buyers) {
            throw new IllegalArgumentException("every buyer orders at least once: orders >= buyers");
        }
        Random random = new Random(seed);
        double[] cumulative = new double[buyers];
        double sum = 0;
        for (int rank = 1; rank <= buyers; rank++) {
            sum += 1.0 / rank;
            cumulative[rank - 1] = sum;
        }
        List<Integer> who = new ArrayList<>(orders);
        for (int b = 0; b < buyers; b++) {
            who.add(b);
        }
        for (int i = buyers; i < orders; i++) {
            double u = random.nextDouble() * sum;
            int lo = 0;
            int hi = buyers - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            who.add(lo);
        }
        Collections.shuffle(who, random);
        List<Order> stream = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) {
            int b = who.get(i);
            stream.add(new Order(i, b, phoneAsTyped(b, random.nextInt(4)), emailAsTyped(b, random.nextBoolean())));
        }
        return List.copyOf(stream);
    }

    /** Buyer {@code b}'s phone as {@code 359…} digits, as the client sends it. */
    static String phoneDigits(int b) {
        return "359" + national(b);
    }

    /** Buyer {@code b}'s e-mail, lower case. */
    static String email(int b) {
        return "buyer" + b + "@example.bg";
    }

    private static String national(int b) {
        return String.format(Locale.ROOT, "888%06d", b);
    }

    private static String phoneAsTyped(int b, int format) {
        String n = national(b);
        return switch (format) {
            case 0 -> "0" + n;
            case 1 -> "0" + n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
            case 2 -> "+359 " + n.substring(0, 2) + " " + n.substring(2, 5) + " " + n.substring(5);
            default -> "359" + n;
        };
    }

    private static String emailAsTyped(int b, boolean capitals) {
        return capitals ? "Buyer" + b + "@Example.BG" : email(b);
    }
}

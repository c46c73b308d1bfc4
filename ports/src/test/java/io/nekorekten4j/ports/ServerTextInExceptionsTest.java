package io.nekorekten4j.ports;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.Violation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Server text that reaches an exception is one safe line, whichever way it gets in. */
class ServerTextInExceptionsTest {

    private static final ErrorContext AT = ErrorContext.of("POST", "/api/v1/reports").withStatus(422);

    @Test
    void aMessageThatCarriesServerTextIsSanitised() {
        NekorektenException e = new InvalidRequestException("rejected: ph\r\none\u001B[31m\u202E", AT, List.of());

        assertThat(e.getMessage()).isEqualTo("rejected: ph one\\u001B[31m\\u202E (create, HTTP 422)");
        assertThat(e.toString()).doesNotContain("\r", "\n", "\u001B", "\u202E");
    }

    @Test
    void aHugeMessageIsCapped() {
        NekorektenException e = new ForbiddenException("x".repeat(100_000), AT, null);

        assertThat(e.getMessage()).hasSize(NekorektenException.MAX_MESSAGE).endsWith("…");
    }

    @Test
    void fieldNamesAndMessagesOfAnInvalidRequestAreSanitisedAndTheirNumberCapped() {
        List<Violation> fromServer = new ArrayList<>();
        fromServer.add(new Violation("phone\r\nERROR forged\u001B[2J", "bad\u0000 value\u2028next"));
        for (int i = 0; i < 200; i++) {
            fromServer.add(new Violation("f" + i, "m"));
        }

        InvalidRequestException e = new InvalidRequestException("rejected", AT, fromServer);

        assertThat(e.fieldErrors()).hasSize(InvalidRequestException.MAX_FIELD_ERRORS);
        assertThat(e.fieldErrors().get(0)).isEqualTo(new Violation("phone ERROR forged\\u001B[2J", "bad\\u0000 value next"));
    }

    @Test
    void anIpAddressIsOnlyEverAnAddress() {
        assertThat(new IpNotWhitelistedException("no", AT, "203.0.113.7").ipAddress()).hasValue("203.0.113.7");
        assertThat(new IpNotWhitelistedException("no", AT, " 2001:db8::1 ").ipAddress()).hasValue("2001:db8::1");
        assertThat(new IpNotWhitelistedException("no", AT, "203.0.113.7\r\nforged").ipAddress()).isEmpty();
        assertThat(new IpNotWhitelistedException("no", AT, "\u001B[31m").ipAddress()).isEmpty();
        ErrorContext said = AT.withServiceMessage("Достъпът от IP\u0000\u202E203.0.113.9\u202C е забранен");
        assertThat(new IpNotWhitelistedException("no", said, null).ipAddress()).isEmpty()
                .as("an escape never passes for digits of an address");
    }

    @Test
    void aCauseWhoseMessageCarriesServerTextIsReplacedByASanitisedStandIn() {
        IOException root = new IOException("Invalid status line: HTTP/1.1 200 \u001B]0;pwned\u0007OK\r\nX-Forged: 1");
        IllegalStateException middle = new IllegalStateException("safe middle", root);

        NekorektenException e = new TransportException("The connection failed", ErrorContext.none(), middle);

        Throwable cause = e.getCause();
        assertThat(cause).isNotSameAs(middle).hasMessage("safe middle");
        assertThat(cause.toString()).isEqualTo("java.lang.IllegalStateException: safe middle");
        assertThat(cause.getStackTrace()).isEqualTo(middle.getStackTrace());
        assertThat(cause.getCause().toString()).isEqualTo(
                "java.io.IOException: Invalid status line: HTTP/1.1 200 \\u001B]0;pwned\\u0007OK X-Forged: 1");
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain("\u001B", "\u0007", "\r\nX-Forged");
    }

    @Test
    void aSafeCauseIsKeptAsItIs() {
        IOException safe = new IOException("connection reset");

        assertThat(new TransportException("failed", ErrorContext.none(), safe).getCause()).isSameAs(safe);
    }

    @Test
    void aCauseChainIsFollowedSixteenDeepAndCutBelow() {
        NekorektenException sixteen = new TransportException("failed", ErrorContext.none(), chain(16));
        NekorektenException twenty = new TransportException("failed", ErrorContext.none(), chain(20));

        assertThat(depth(sixteen.getCause())).isEqualTo(16);
        assertThat(depth(twenty.getCause())).isEqualTo(16);
    }

    private static Throwable chain(int links) {
        Throwable t = null;
        for (int i = links; i >= 1; i--) {
            t = new IOException("link " + i, t);
        }
        return t;
    }

    private static int depth(Throwable t) {
        int n = 0;
        for (Throwable c = t; c != null; c = c.getCause()) {
            n++;
        }
        return n;
    }
}

package io.nekorekten4j.ports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpNotWhitelistedExceptionTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Нямате достъп от IP адрес 203.0.113.7|203.0.113.7",
        "Access denied for IP 198.51.100.23 (not whitelisted)|198.51.100.23",
        "IP:10.0.0.1|10.0.0.1",
        "255.255.255.255 is not allowed|255.255.255.255",
        "from 0.0.0.0|0.0.0.0",
        "first 192.0.2.1 then 192.0.2.2|192.0.2.1",
    })
    void anIpv4AddressIsFoundInTheMessage(String message, String ip) {
        assertThat(IpNotWhitelistedException.extractIpAddress(message)).contains(ip);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Your IP (2001:db8::1) is not allowed|2001:db8::1",
        "Нямате достъп от IP адрес 2001:0db8:85a3:0000:0000:8a2e:0370:7334|2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        "IP [2001:DB8:0:0:8:800:200C:417A] rejected|2001:DB8:0:0:8:800:200C:417A",
        "IP fe80::1ff:fe23:4567:890a blocked|fe80::1ff:fe23:4567:890a",
    })
    void anIpv6AddressIsFoundInTheMessage(String message, String ip) {
        assertThat(IpNotWhitelistedException.extractIpAddress(message)).contains(ip);
    }

    @Test
    void anIpv4AddressWinsOverAnIpv6AddressEarlierInTheMessage() {
        assertThat(IpNotWhitelistedException.extractIpAddress("2001:db8::1 or 203.0.113.7")).contains("203.0.113.7");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {
        "Нямате достъп от този IP адрес",
        "",
        "IP 999.1.1.1 is not allowed",
        "IP 256.0.0.1",
        "IP 1.2.3",
        "IP 1.2.3.4.5",
        "code 12345678",
    })
    @NullSource
    void noAddressIsFoundWhereThereIsNoValidOne(String message) {
        assertThat(IpNotWhitelistedException.extractIpAddress(message)).isEmpty();
    }

    @Test
    void theAddressIsKeptAndTheCodeIsIpNotWhitelisted() {
        ErrorContext context = ErrorContext.of("GET", "/api/v1/reports").withStatus(403)
                .withServiceMessage("Нямате достъп от IP адрес 203.0.113.7");

        IpNotWhitelistedException e = new IpNotWhitelistedException("Your IP address is not whitelisted for this key",
                context, "203.0.113.7");

        assertThat(e.ipAddress()).contains("203.0.113.7");
        assertThat(e.serviceMessage()).contains("Нямате достъп от IP адрес 203.0.113.7");
        assertThat(e.code()).isEqualTo(ErrorCode.IP_NOT_WHITELISTED);
        assertThat(e).isInstanceOf(ServiceRefusedException.class);
    }

    @Test
    void anUnknownAddressIsEmpty() {
        assertThat(new IpNotWhitelistedException("no", ErrorContext.none(), null).ipAddress()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" names {1}")
    @CsvSource(delimiter = '|', value = {
        "Нямате достъп от IP адрес 203.0.113.7.|203.0.113.7",
        "loopback ::1 here|::1",
        "IP ::ffff:c000:201 is not allowed|::ffff:c000:201",
        "Your IP (2001:db8::1) is not allowed|2001:db8::1",
        "IP 2001:db8:0:0:0:0:0:1 refused|2001:db8:0:0:0:0:0:1",
    })
    void anAddressIsFoundWhereverTheSentenceEnds(String message, String ip) {
        assertThat(IpNotWhitelistedException.extractIpAddress(message)).hasValue(ip);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"try at 12:30:45", "Error: a:b:c", "device aa:bb:cc:dd:ee:ff", "version 1.2.3.4a",
        "1:2:3:4:5:6:7:8:9", "1::2::3"})
    void timesVersionsAndMacAddressesAreNotAddresses(String message) {
        assertThat(IpNotWhitelistedException.extractIpAddress(message)).isEmpty();
    }

    @Test
    void withoutAnExplicitAddressTheServiceMessageIsSearched() {
        IpNotWhitelistedException e = new IpNotWhitelistedException("no",
                ErrorContext.of("GET", "/x").withServiceMessage("IP 203.0.113.7"), null);

        assertThat(e.ipAddress()).hasValue("203.0.113.7");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" names {1}")
    @CsvSource(delimiter = '|', value = {
        "IP fe80:: blocked|fe80::",
        "IP ::1 blocked|::1",
        "IP 1:2:3::4:5:6:7 blocked|1:2:3::4:5:6:7",
        "IP ::2:3:4:5:6:7:8 blocked|::2:3:4:5:6:7:8",
        "IP 1:2:3:4:5:6:7:: blocked|1:2:3:4:5:6:7::",
    })
    void aDoubleColonMayStandForOneToEightGroupsAtEitherEnd(String message, String ip) {
        assertThat(IpNotWhitelistedException.extractIpAddress(message)).hasValue(ip);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"IP 1:2:3:4::5:6:7:8 blocked", "IP 1:2:3:4:5:6:7 blocked", "IP :::1 blocked",
        "IP 12345::1 blocked", "IP 1::12345 blocked", "IP 1:2:3:4:5:6:7:12345 blocked", "IP :1::2 blocked"})
    void groupsThatDoNotAddUpOrDoNotFitAreNotAnIpv6Address(String message) {
        assertThat(IpNotWhitelistedException.extractIpAddress(message)).isEmpty();
    }

    @Test
    void anAddressAfterALongPreambleOfTheServiceIsStillFound() {
        String preamble = "Достъпът е отказан. ".repeat(50); // 1,000 characters

        assertThat(IpNotWhitelistedException.extractIpAddress(preamble + "IP 203.0.113.7")).hasValue("203.0.113.7");
        assertThat(IpNotWhitelistedException.extractIpAddress(preamble + "IP 2001:db8::7")).hasValue("2001:db8::7");
    }

    @Test
    void anExplicitAddressThatIsNotOneIsNotKept() {
        ErrorContext context = ErrorContext.of("GET", "/x").withServiceMessage("IP 203.0.113.7");

        assertThat(new IpNotWhitelistedException("no", context, "203.0.113.7 and more").ipAddress()).isEmpty();
        assertThat(new IpNotWhitelistedException("no", context, "somewhere").ipAddress()).isEmpty();
    }
}

package io.nekorekten4j.ports;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API key is used from an IP address that is not on its whitelist (HTTP 403). The service's
 * message names the address it saw: {@link #ipAddress()} is that address, to copy into the key's
 * allowed list in the nekorekten.com dashboard.
 */
public class IpNotWhitelistedException extends ServiceRefusedException {

    private static final long serialVersionUID = 1L;

    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\d.])((?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3})(?![\\d.])");
    private static final Pattern IPV6 = Pattern.compile(
            "(?<![0-9A-Fa-f:])((?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,7}:|"
                    + "(?:[0-9A-Fa-f]{1,4}:){0,6}(?::[0-9A-Fa-f]{1,4}){1,7}|::)(?![0-9A-Fa-f:])");

    private final String ipAddress;

    /**
     * @param message   what went wrong
     * @param context   where it happened (its service message is searched for the address)
     * @param ipAddress the address the service saw, or {@code null} when unknown
     */
    public IpNotWhitelistedException(String message, ErrorContext context, String ipAddress) {
        super(message, context, null);
        this.ipAddress = ipAddress;
    }

    /** The IP address the service saw, when its message named one. */
    public Optional<String> ipAddress() {
        return Optional.ofNullable(ipAddress);
    }

    /**
     * The first IPv4 or IPv6 address in {@code message}, e.g. {@code 203.0.113.7} in
     * "Access denied for IP 203.0.113.7".
     */
    public static Optional<String> extractIpAddress(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher v4 = IPV4.matcher(message);
        if (v4.find()) {
            return Optional.of(v4.group(1));
        }
        Matcher v6 = IPV6.matcher(message);
        return v6.find() ? Optional.of(v6.group(1)) : Optional.empty();
    }

    /** {@link ErrorCode#IP_NOT_WHITELISTED}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.IP_NOT_WHITELISTED;
    }
}

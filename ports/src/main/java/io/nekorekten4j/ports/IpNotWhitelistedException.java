package io.nekorekten4j.ports;

import io.nekorekten4j.domain.ServerText;
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

    // A dotted quad not glued to other word characters; a sentence's final full stop may follow.
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\w.])((?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3})(?!\\w|\\.\\d)");
    // Candidates only: each is then checked by isIpv6, which knows the group rules that a regular
    // expression would state only at great length.
    private static final Pattern IPV6_CANDIDATE = Pattern.compile("(?<![\\w:.])([0-9A-Fa-f:]*:[0-9A-Fa-f:]*)(?![\\w:])");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private final String ipAddress;

    /**
     * @param message   what went wrong
     * @param context   where it happened (its service message is searched for the address)
     * @param ipAddress the address the service saw, or {@code null} to look for it in the
     *                  context's service message; only an address that
     *                  {@link #extractIpAddress(String)} recognises is kept, so that no other
     *                  server text can pass for one
     */
    public IpNotWhitelistedException(String message, ErrorContext context, String ipAddress) {
        super(message, context, null);
        this.ipAddress = ipAddress != null
                ? extractIpAddress(ipAddress.strip()).filter(ip -> ip.equals(ipAddress.strip())).orElse(null)
                : context.serviceMessage().flatMap(IpNotWhitelistedException::extractIpAddress).orElse(null);
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
        if (message.length() > ServerText.DEFAULT_MAX_LENGTH * 4) {
            message = message.substring(0, ServerText.DEFAULT_MAX_LENGTH * 4); // bounds the regex work
        }
        Matcher v4 = IPV4.matcher(message);
        if (v4.find()) {
            return Optional.of(v4.group(1));
        }
        Matcher v6 = IPV6_CANDIDATE.matcher(message);
        while (v6.find()) {
            if (isIpv6(v6.group(1))) {
                return Optional.of(v6.group(1));
            }
        }
        return Optional.empty();
    }

    /** Eight groups of 1–4 hex digits, or fewer with exactly one {@code ::} standing for the rest. */
    private static boolean isIpv6(String candidate) {
        int doubleColon = candidate.indexOf("::");
        if (doubleColon != candidate.lastIndexOf("::") || candidate.contains(":::")) {
            return false;
        }
        if (doubleColon < 0) {
            return groupsValid(candidate) == 8;
        }
        String head = candidate.substring(0, doubleColon);
        String tail = candidate.substring(doubleColon + 2);
        int headGroups = head.isEmpty() ? 0 : groupsValid(head);
        int tailGroups = tail.isEmpty() ? 0 : groupsValid(tail);
        return headGroups >= 0 && tailGroups >= 0 && headGroups + tailGroups <= 7;
    }

    /** The number of colon-separated hex groups in {@code part}, or -1 when one is not a group. */
    private static int groupsValid(String part) {
        String[] groups = part.split(":", -1);
        for (String group : groups) {
            if (!HEX_GROUP.matcher(group).matches()) {
                return -1;
            }
        }
        return groups.length;
    }

    /** {@link ErrorCode#IP_NOT_WHITELISTED}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.IP_NOT_WHITELISTED;
    }
}

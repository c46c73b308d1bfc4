package io.nekorekten4j.domain;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * A web site or Facebook profile address, as people type it ({@code example.bg},
 * {@code https://www.Example.BG/shop/}), with a normalised form for comparison.
 *
 * <p>The normalised form drops the scheme, a leading {@code www.}, the case of the host, a default
 * port, a trailing slash and any fragment: {@code https://www.Example.BG/shop/} and
 * {@code http://example.bg/shop} are one address, {@code example.bg/shop}. The path and query keep
 * their case (servers may treat them case-sensitively).
 */
public final class WebAddress {

    private static final int MAX_LENGTH = 2048;

    private final String value;
    private final String host;
    private final String normalised;

    private WebAddress(String value, String host, String normalised) {
        this.value = value;
        this.host = host;
        this.normalised = normalised;
    }

    /**
     * Parses what people type: with or without {@code http://} or {@code https://}.
     *
     * @throws ValidationException (field {@code siteUrl}) when it is not a web address
     */
    public static WebAddress parse(String text) {
        return parse(text, "siteUrl");
    }

    /**
     * Parses a Facebook profile or page address ({@code facebook.com}, {@code fb.com} or one of
     * their subdomains such as {@code m.facebook.com}).
     *
     * @throws ValidationException (field {@code facebookUrl}) when it is not a Facebook address
     */
    public static WebAddress parseFacebook(String text) {
        WebAddress address = parse(text, "facebookUrl");
        if (!address.isFacebook()) {
            throw new ValidationException("facebookUrl", "a Facebook address must be on facebook.com or fb.com, got host "
                    + address.host);
        }
        return address;
    }

    /** Whether {@code text} is a web address {@link #parse} accepts. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (ValidationException | NullPointerException e) {
            return false;
        }
    }

    static WebAddress parse(String text, String field) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new ValidationException(field, "a web address must not be empty");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new ValidationException(field, "a web address is at most " + MAX_LENGTH + " characters, got "
                    + trimmed.length());
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new ValidationException(field, "a web address must not contain spaces or control characters");
            }
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        String withScheme = lower.startsWith("http://") || lower.startsWith("https://") ? trimmed : "https://" + trimmed;
        int authorityStart = withScheme.indexOf("://") + 3;
        int authorityEnd = indexOfAny(withScheme, authorityStart, "/?#");
        String authority = withScheme.substring(authorityStart, authorityEnd);
        boolean nestedScheme = authority.endsWith(":") && withScheme.startsWith("//", authorityEnd);
        if (nestedScheme) {
            throw new ValidationException(field, "a web address must start with http://, https:// or the host name");
        }
        URI uri;
        try {
            // java.net.URI knows no internationalised host names (пример.бг): give it the ASCII form.
            uri = new URI(withScheme.substring(0, authorityStart) + asciiAuthority(authority, field)
                    + withScheme.substring(authorityEnd));
        } catch (URISyntaxException e) {
            throw new ValidationException(field, "not a valid web address: " + e.getReason());
        }
        String host = uri.getHost();
        if (host == null || !host.contains(".") || host.startsWith(".") || host.endsWith(".")) {
            throw new ValidationException(field, "a web address needs a host name with a dot, e.g. example.bg");
        }
        if (uri.getUserInfo() != null) {
            throw new ValidationException(field, "a web address must not contain a user name or password");
        }
        host = IDN.toUnicode(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        String bareHost = withoutWww(host);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == 80 || port == 443;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String normalised = bareHost + (defaultPort ? "" : ":" + port) + path + query;
        return new WebAddress(trimmed, host, normalised);
    }

    /**
     * {@code host} without its leading {@code www.} labels — but never down to a bare top-level
     * domain: {@code www.bg} is a site of its own, and normalising twice gives the same result.
     */
    private static String withoutWww(String host) {
        String bare = host;
        while (bare.startsWith("www.") && bare.indexOf('.', 4) > 0) {
            bare = bare.substring(4);
        }
        return bare;
    }

    private static String asciiAuthority(String authority, String field) {
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        String hostPart = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String port = colon < 0 ? "" : hostPort.substring(colon);
        try {
            return userInfo + IDN.toASCII(hostPart, IDN.ALLOW_UNASSIGNED) + port;
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, "not a valid host name in a web address");
        }
    }

    private static int indexOfAny(String text, int from, String chars) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    /** The address as given, trimmed. */
    public String value() {
        return value;
    }

    /** The host, lower-case, as given (with {@code www.} if it had one). */
    public String host() {
        return host;
    }

    /** The form for comparison: no scheme, no {@code www.}, lower-case host, no trailing slash. */
    public String normalised() {
        return normalised;
    }

    /**
     * Whether {@code other} is this address or lies under it: same normalised host (and port), and
     * this path is {@code other}'s path or a parent of it at a {@code /} boundary. So
     * {@code example.bg} covers {@code www.example.bg/shop}, and {@code example.bg/shop} covers
     * {@code example.bg/shop/item} but not {@code example.bg/shopping}. This is the site-matching
     * rule of the fake and of match attribution; the live service's rule is not known.
     */
    public boolean covers(WebAddress other) {
        Objects.requireNonNull(other, "other");
        String mine = normalised;
        String theirs = other.normalised;
        return theirs.equals(mine) || theirs.startsWith(mine + "/") || theirs.startsWith(mine + "?");
    }

    /** The normalised host and port, without path: the unit of the fake's site index. */
    public String normalisedHost() {
        int slash = normalised.indexOf('/');
        int query = normalised.indexOf('?');
        int end = slash < 0 ? (query < 0 ? normalised.length() : query) : (query < 0 ? slash : Math.min(slash, query));
        return normalised.substring(0, end);
    }

    /** Whether this address is on facebook.com or fb.com. */
    public boolean isFacebook() {
        String bare = withoutWww(host);
        return bare.equals("facebook.com") || bare.endsWith(".facebook.com")
                || bare.equals("fb.com") || bare.endsWith(".fb.com");
    }

    /** Equal when the normalised forms are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof WebAddress other && normalised.equals(other.normalised);
    }

    @Override
    public int hashCode() {
        return normalised.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}

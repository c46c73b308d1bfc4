package io.nekorekten4j.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Whose quota: one API key at one service origin ({@code scheme://host:port}). A key used against
 * two origins (the service and a test server) has two quotas.
 *
 * <p>Holds the origin and the SHA-256 of the key, never the key. A store that names things after
 * a scope uses {@link #digest(byte[])}, a keyed hash (HMAC-SHA256) of both, so that nothing it
 * writes — Redis key names included — lets anyone recover or even test a guess of the key without
 * the secret. {@link #toString()} shows the origin only.
 */
public final class QuotaScope {

    private final String origin;
    private final byte[] keyHash;

    private QuotaScope(String origin, byte[] keyHash) {
        this.origin = origin;
        this.keyHash = keyHash;
    }

    /**
     * The scope of {@code apiKey} at {@code baseUri}'s origin.
     *
     * @throws NullPointerException     naming the missing argument
     * @throws IllegalArgumentException when {@code baseUri} has no scheme or host
     */
    public static QuotaScope of(URI baseUri, String apiKey) {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(apiKey, "apiKey");
        if (baseUri.getScheme() == null || baseUri.getHost() == null) {
            throw new IllegalArgumentException("baseUri must have a scheme and a host");
        }
        String origin = QuotaRegistry.origin(baseUri);
        return new QuotaScope(origin, sha256(apiKey.getBytes(StandardCharsets.UTF_8)));
    }

    /** The origin, {@code scheme://host:port}, lower case. */
    public String origin() {
        return origin;
    }

    /**
     * A lowercase hex HMAC-SHA256 of the origin and the key's hash under {@code secret}: the same
     * for every process that uses the same secret, useless to anyone without it.
     *
     * @throws IllegalArgumentException when {@code secret} is shorter than 16 bytes
     */
    public String digest(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 16) {
            throw new IllegalArgumentException("secret must be at least 16 bytes, got " + secret.length);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(origin.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            mac.update(keyHash);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java platform must provide HmacSHA256 (Mac's Javadoc), and any non-empty key fits it.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuotaScope other && other.origin.equals(origin)
                && MessageDigest.isEqual(other.keyHash, keyHash);
    }

    @Override
    public int hashCode() {
        return 31 * origin.hashCode() + Arrays.hashCode(keyHash);
    }

    /** The origin only: never the key, nor its hash. */
    @Override
    public String toString() {
        return "QuotaScope[" + origin + "]";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's Javadoc).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

package jp.nexehrs.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of everything a result depends on, fed part by part. Each part is length-prefixed, so
 * {@code ("ab", "c")} and {@code ("a", "bc")} never give the same key.
 */
public final class CacheKey {
    private final MessageDigest digest;

    public CacheKey() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public CacheKey add(String part) {
        return add(part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8));
    }

    public CacheKey add(byte[] part) {
        int length = part.length;
        digest.update(new byte[]{(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        digest.update(part);
        return this;
    }

    /** The key as 64 hex digits; the builder cannot be used afterwards. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}

package jp.nexehrs.cache;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A cache key is the SHA-256 of length-prefixed parts: every byte of every part, and where parts begin, counts. */
class CacheKeyTest {
    @Test
    void theKeyIsTheSha256OfEachPartPrefixedByItsBigEndianLength() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] part = "仮名化".getBytes(StandardCharsets.UTF_8);
        sha.update(new byte[]{0, 0, 0, (byte) part.length});
        sha.update(part);
        assertEquals(HexFormat.of().formatHex(sha.digest()), new CacheKey().add("仮名化").hex());
    }

    @Test
    void aLongPartIsPrefixedWithAllFourBytesOfItsLength() throws Exception {
        byte[] part = new byte[0x01020304 & 0xFFFFF]; // 0x20304 bytes: the three low bytes of the length all differ
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(new byte[]{0, 0x02, 0x03, 0x04});
        sha.update(part);
        assertEquals(HexFormat.of().formatHex(sha.digest()), new CacheKey().add(part).hex());
    }

    @Test
    void aPartOf16MebibytesOrMoreHasItsHighLengthByteInTheKey() throws Exception {
        byte[] part = new byte[1 << 24]; // 16 MiB: the length's top byte is 1, the rest 0
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(new byte[]{1, 0, 0, 0});
        sha.update(part);
        assertEquals(HexFormat.of().formatHex(sha.digest()), new CacheKey().add(part).hex());
    }

    @Test
    void movingABoundaryBetweenPartsChangesTheKey() {
        assertNotEquals(new CacheKey().add("ab").add("c").hex(), new CacheKey().add("a").add("bc").hex());
    }

    @Test
    void changedContentChangesTheKeyAndTheSameContentGivesTheSameKey() {
        String before = new CacheKey().add("spec/01.adoc").add("= 題名\n本文").hex();
        assertEquals(before, new CacheKey().add("spec/01.adoc").add("= 題名\n本文").hex());
        assertNotEquals(before, new CacheKey().add("spec/01.adoc").add("= 題名\n本文。").hex());
        assertEquals(64, before.length());
    }

    @Test
    void aMissingPartIsAnEmptyPartNotNothing() {
        assertEquals(new CacheKey().add("").hex(), new CacheKey().add((String) null).hex());
        assertNotEquals(new CacheKey().hex(), new CacheKey().add((String) null).hex(), "the empty part still has its length");
    }
}

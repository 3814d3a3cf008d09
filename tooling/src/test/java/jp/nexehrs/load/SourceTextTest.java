package jp.nexehrs.load;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SourceTextTest {
    @Test
    void givesBackExactlyTheTextItWasGiven() {
        String text = "{\"resourceType\": \"Patient\", \"name\": [{\"text\": \"山田 太郎\"}], \"emoji\": \"𠮷\"}\r\n".repeat(500);
        SourceText kept = SourceText.of(text);
        assertEquals(text, kept.text());
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), kept.utf8());
        assertEquals(text, kept.text(), "a second read gives the same");
    }

    @Test
    void anEmptyTextStaysEmpty() {
        assertEquals("", SourceText.of("").text());
    }
}

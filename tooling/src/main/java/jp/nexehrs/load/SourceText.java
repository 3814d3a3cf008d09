package jp.nexehrs.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A source file's text, kept deflated: the build holds every resource's text until it ends (for line numbers, cache
 * keys and the validator), and most of it is only read again when something is wrong with the resource. Deflated,
 * the texts take a fraction of their UTF-8 size (figures in tooling/BENCHMARKS.md).
 * Immutable.
 */
public final class SourceText {
    private final byte[] deflated;
    private final int length;

    private SourceText(byte[] deflated, int length) {
        this.deflated = deflated;
        this.length = length;
    }

    public static SourceText of(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(utf8);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, utf8.length / 6));
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
            return new SourceText(out.toByteArray(), utf8.length);
        } finally {
            deflater.end();
        }
    }

    /** The text as UTF-8, inflated anew on each call. */
    public byte[] utf8() {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            byte[] utf8 = new byte[length];
            int filled = 0;
            while (filled < length) {
                int inflated = inflater.inflate(utf8, filled, length - filled);
                if (inflated == 0 && (inflater.finished() || inflater.needsInput())) break;
                filled += inflated;
            }
            if (filled != length) throw new IllegalStateException("a deflated source text came back " + filled + " bytes long, not " + length);
            return utf8;
        } catch (DataFormatException e) {
            throw new IllegalStateException("a deflated source text could not be inflated", e);
        } finally {
            inflater.end();
        }
    }

    /** The text, decoded anew on each call. */
    public String text() {
        return new String(utf8(), StandardCharsets.UTF_8);
    }
}

package jp.nexehrs.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The small helpers messages and stages rely on: line numbers, plurals, ordered parallel work, scratch clean-up. */
class TextHelpersTest {
    private static final String TEXT = "first\nsecond needle\nthird\nneedle again\n";

    @Test
    void lineOfCountsLinesFromOneAndAnswersZeroWhenAbsent() {
        assertEquals(1, TextPositions.lineOf(TEXT, "first"));
        assertEquals(2, TextPositions.lineOf(TEXT, "needle"), "the first occurrence");
        assertEquals(0, TextPositions.lineOf(TEXT, "absent"));
        assertEquals(1, TextPositions.lineAt(TEXT, 0));
        assertEquals(1, TextPositions.lineAt(TEXT, 5), "the newline itself is still on line 1");
        assertEquals(2, TextPositions.lineAt(TEXT, 6));
    }

    @Test
    void lineOfSequenceFindsEachNeedleAfterThePreviousAndSkipsAbsentOnes() {
        assertEquals(4, TextPositions.lineOfSequence(TEXT, "third", "needle"));
        assertEquals(2, TextPositions.lineOfSequence(TEXT, "second", "absent"), "an absent needle is skipped");
        assertEquals(4, TextPositions.lineOfSequence(TEXT, "needle", "needle"), "the second search starts after the first match");
        assertEquals(0, TextPositions.lineOfSequence(TEXT, "absent"));
        assertEquals(1, TextPositions.lineOfSequence(TEXT, "first"));
        assertEquals(3, TextPositions.lineOfSequence("a\nb\nab", "a", "a", "b"), "found from where the previous needle ended");
        assertEquals(1, TextPositions.lineOfSequence("a\nb", "\nb"), "a needle starting with a line break is on the line it breaks");
    }

    @Test
    void pluralsUseTheSingularOnlyForOne() {
        assertEquals("1 file", Plural.of(1, "file"));
        assertEquals("0 files", Plural.of(0, "file"));
        assertEquals("2 files", Plural.of(2, "file"));
        assertEquals("1 miss", Plural.of(1, "miss", "misses"));
        assertEquals("3 misses", Plural.of(3, "miss", "misses"));
    }

    @Test
    void parallelResultsComeInTheItemsOrderWhateverTheThreads() {
        List<Integer> items = IntStream.range(0, 50).boxed().toList();
        List<Integer> expected = items.stream().map(i -> i * i).toList();
        for (int threads : new int[]{0, 1, 2, 4}) {
            assertEquals(expected, new Parallel(threads).map(items, i -> i * i), threads + " threads");
        }
        assertEquals(List.of(), new Parallel(4).map(List.<Integer>of(), i -> i));
    }

    @Test
    void parallelWorkRunsOnOtherThreadsWhenThereAreSeveral() {
        Thread caller = Thread.currentThread();
        List<Thread> used = new Parallel(2).map(List.of(1, 2, 3), i -> Thread.currentThread());
        assertFalse(used.contains(caller), "work handed to the pool");
        assertFalse(new Parallel(2).map(List.of(1, 2), i -> Thread.currentThread()).contains(caller), "two items are already worth a pool");
        assertEquals(List.of(caller, caller), new Parallel(1).map(List.of(1, 2), i -> Thread.currentThread()));
    }

    @Test
    void aFailureInParallelWorkIsRethrownAsItWas() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad item 3");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Parallel(2).map(List.of(1, 2, 3), i -> {
                    if (i == 3) throw thrown;
                    return i;
                }));
        assertSame(thrown, e);
        AssertionError error = new AssertionError("an error");
        assertSame(error, assertThrows(AssertionError.class, () -> new Parallel(2).map(List.of(1, 2), i -> {
            throw error;
        })));
    }

    @Test
    void deleteQuietlyRemovesAFolderTreeAndIgnoresAMissingOne(@TempDir Path dir) throws Exception {
        Path scratch = dir.resolve("staging");
        Files.createDirectories(scratch.resolve("a/b"));
        Files.writeString(scratch.resolve("a/b/file.txt"), "x");
        Files.writeString(scratch.resolve("top.txt"), "y");
        Folders.deleteQuietly(scratch);
        assertFalse(Files.exists(scratch));
        Folders.deleteQuietly(dir.resolve("never-made"));
        assertFalse(Files.exists(dir.resolve("never-made")));
    }

    @Test
    void urlMentionsDropTrailingPunctuationVersionsAndFragmentsAndKeepEachOnce() {
        assertEquals(List.of("http://a.jp/x", "https://b.jp/y", "http://c.jp/z"),
                List.copyOf(UrlMentions.in("see http://a.jp/x. and https://b.jp/y:; then http://a.jp/x#frag, http://c.jp/z|1.0")));
        assertEquals(List.of(), List.copyOf(UrlMentions.in("no links, ftp://a.jp/x")));
    }
}

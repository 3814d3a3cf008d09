package jp.nexehrs.util;

import jp.nexehrs.report.SourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every YAML failure names the file and the line of the problem, and the parts of a good file can be located. */
class YamlReaderTest {
    record Item(String name, int count) {}

    record Sample(String title, int size, List<String> tags, List<Item> items) {}

    @TempDir
    Path dir;

    private final YamlReader reader = new YamlReader();

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("sample.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private SourceException failure(String yaml) throws Exception {
        Path file = write(yaml);
        return assertThrows(SourceException.class, () -> reader.read(file, "governance/sample.yaml", Sample.class));
    }

    @Test
    void readsARecordAndAcceptsOneValueWhereAListIsExpected() throws Exception {
        Sample sample = reader.read(write("title: 題名\nsize: 2\ntags: 一つ\nitems:\n  - {name: a, count: 1}\n"),
                "sample.yaml", Sample.class);
        assertEquals(new Sample("題名", 2, List.of("一つ"), List.of(new Item("a", 1))), sample);
    }

    @Test
    void anUnknownKeyIsReportedOnItsOwnLineNotWhereTheParserStopped() throws Exception {
        // Jackson buffers a record's properties, so its own location is the end of the object (line 5 here).
        SourceException e = failure("title: t\ncolour: red\nsize: 1\ntags: []\nitems: []\n");
        assertEquals("governance/sample.yaml", e.file());
        assertEquals(2, e.line());
        assertEquals(0, e.column(), "the key's line is known, its column is not");
        assertTrue(e.getMessage().startsWith("unknown key 'colour'; known keys: "), e.getMessage());
        assertTrue(e.getMessage().contains("title") && e.getMessage().contains("items"), e.getMessage());
    }

    @Test
    void anUnknownKeyInAListEntryOrQuotedIsFoundToo() throws Exception {
        assertEquals(3, failure("title: t\nitems:\n  - colour: red\n    name: a\n    count: 1\n").line());
        assertEquals(2, failure("title: t\n\"colour\": red\nsize: 1\n").line());
    }

    @Test
    void anUnknownKeyIsNotMatchedInsideAnotherKeyOrAValue() throws Exception {
        SourceException e = failure("title: \"colour: a value\"\nsize: 1\n\ncolour: red\n");
        assertEquals(4, e.line());
    }

    @Test
    void anUnknownKeyTheLineSearchCannotFindFallsBackToTheParsersPosition() throws Exception {
        SourceException e = failure("\n{title: t, size: 1, colour: red}\n");
        assertEquals(2, e.line(), "a flow mapping: the key is not at the start of a line");
        assertTrue(e.column() > 0, "the parser's column: " + e.column());
        assertTrue(e.getMessage().startsWith("unknown key 'colour'"), e.getMessage());
    }

    @Test
    void anEmptyOrBlankFileIsAnErrorOnLineOne() throws Exception {
        for (String empty : new String[]{"", "  \n\n"}) {
            SourceException e = failure(empty);
            assertEquals("the file is empty", e.getMessage());
            assertEquals(1, e.line());
            assertEquals(1, e.column());
        }
    }

    @Test
    void aFileWithOnlyANullDocumentHoldsNoYamlDocument() throws Exception {
        SourceException e = failure("~\n");
        assertEquals("the file holds no YAML document", e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void aSyntaxErrorIsReportedWhereTheParserFoundIt() throws Exception {
        SourceException e = failure("title: t\nsize: 1\ntags: [a, b\nitems: []\n");
        assertTrue(e.line() >= 3, "at or after the unclosed list: line " + e.line());
        assertTrue(!e.getMessage().contains("Exception") && !e.getMessage().contains("jackson"), e.getMessage());
    }

    @Test
    void aMissingPrimitiveValueIsAnErrorWithItsLine() throws Exception {
        SourceException e = failure("title: t\nsize:\n");
        assertEquals(2, e.line(), e.getMessage());
    }

    @Test
    void aMissingFileCannotBeRead() {
        SourceException e = assertThrows(SourceException.class,
                () -> reader.read(dir.resolve("absent.yaml"), "governance/absent.yaml", Sample.class));
        assertEquals("governance/absent.yaml", e.file());
        assertTrue(e.getMessage().startsWith("cannot read: "), e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
    void readLocatedGivesTheLineAndColumnOfEachEntry() throws Exception {
        YamlReader.Located<Sample> located = reader.readLocated(
                write("title: t\nsize: 2\nitems:\n  - name: a\n    count: 1\n  - name: b\n    count: 2\n"),
                "governance/sample.yaml", Sample.class);
        assertEquals(2, located.value().items().size());
        YamlPositions positions = located.positions();
        assertEquals("governance/sample.yaml", positions.file());
        assertEquals(new YamlPositions.Position(6, 5), positions.at("/items/1"));
        assertEquals(new YamlPositions.Position(7, 12), positions.at("/items/1/count"));
        assertEquals(new YamlPositions.Position(2, 7), positions.at("/size"));
        assertEquals(new YamlPositions.Position(6, 5), positions.at("/items/1/missing"), "an absent key: its enclosing entry");
        assertEquals(new YamlPositions.Position(1, 1), positions.at("/nothing/here"), "nothing known: the document's start");
        assertEquals(new YamlPositions.Position(1, 1), YamlPositions.none("x.yaml").at("/items/0"));
    }
}

package jp.nexehrs.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import jp.nexehrs.report.SourceException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns the bytes of one file into a FHIR resource, or a {@link SourceException} naming file, line and column.
 * HAPI's parsers do not report positions for syntax errors, so the syntax is checked first with a plain
 * streaming parser that does.
 */
public final class ResourceReader {
    private static final int MAX_NESTING = 200;
    /**
     * Entries in one Bundle (or List): the validator's time and memory grow with them (10,000 small entries took
     * minutes, 100,000 ran out of memory), and a specification's example needs far fewer.
     */
    public static final int MAX_ENTRIES = 1_000;
    private final FhirEngine engine;
    private final JsonFactory json = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build();

    public ResourceReader(FhirEngine engine) {
        this.engine = engine;
    }

    /**
     * A parsed resource with the exact text it came from (the validator re-reads the text to report lines), and
     * for strictly read files the content problems found while parsing (the resource is still usable).
     */
    public record ParsedResource(IBaseResource resource, String text, ResourceFormat format, List<ParseProblem> problems) {
        /** The resource's logical id; empty when it has none. */
        public String id() {
            String id = resource.getIdElement().getIdPart();
            return id == null ? "" : id;
        }

        /** The profiles the resource claims in {@code meta.profile}, in order. */
        public List<String> claimedProfiles() {
            return resource.getMeta().getProfile().stream().map(IPrimitiveType::getValueAsString).toList();
        }
    }

    /**
     * @param strict true for conformance resources (each unknown element or bad value becomes a problem of the
     *               result); false for instances, whose content errors the validator reports with line, column and
     *               FHIRPath
     */
    public ParsedResource read(String displayName, byte[] bytes, ResourceFormat format, boolean strict) throws SourceException {
        String text = decodeUtf8(displayName, bytes);
        if (text.isBlank()) throw new SourceException(displayName, 1, 1, "the file is empty");
        if (format == ResourceFormat.JSON) checkJsonSyntax(displayName, text);
        else checkXmlSyntax(displayName, text);
        try {
            CollectingParserErrorHandler collected = new CollectingParserErrorHandler();
            IBaseResource resource = parse(text, format, strict, collected);
            return new ParsedResource(resource, text, format, collected.problems());
        } catch (DataFormatException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            java.util.Optional<String> laterType = LaterFhirVersionResourceException.r5TypeIn(message);
            if (laterType.isPresent()) throw new LaterFhirVersionResourceException(displayName, laterType.get(), e);
            throw new SourceException(displayName, 0, 0, "not a valid FHIR R4 resource: " + stripHapiCode(message), e);
        } catch (RuntimeException e) {
            // HAPI's parser fails outright on some well-formed JSON (an empty key, for one: found by the property
            // tests); the file is still the problem, so it is reported as one, never as a crash of the build.
            // Its own text is the parser's internals (often a null pointer): --verbose shows it.
            throw new SourceException(displayName, 0, 0, "not a valid FHIR R4 resource: the FHIR parser cannot read it;"
                    + " check the element names (none empty) and values against the FHIR R4 specification", e);
        }
    }

    /**
     * Parses again the text {@link #read} parsed (already checked then: the problems it found are not reported again),
     * for a resource that memory let go ({@link ReparsableResource}).
     */
    public IBaseResource parseAgain(String text, ResourceFormat format, boolean strict) {
        return parse(text, format, strict, new CollectingParserErrorHandler());
    }

    /** Strictly read: content problems go to {@code collected}; else the validator reports them later. */
    private IBaseResource parse(String text, ResourceFormat format, boolean strict, CollectingParserErrorHandler collected) {
        IParser parser = engine.parserFor(format);
        parser.setParserErrorHandler(strict ? collected : new LenientErrorHandler(false).setErrorOnInvalidValue(false));
        return parser.parseResource(text);
    }

    /** Strict UTF-8; a leading byte-order mark is dropped (editors on Windows add one). */
    public static String decodeUtf8(String displayName, byte[] bytes) throws SourceException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int offset = firstInvalidUtf8Offset(bytes);
            int line = 1;
            for (int i = 0; i < offset; i++) if (bytes[i] == '\n') line++;
            throw new SourceException(displayName, line, 0, "the file is not valid UTF-8 (byte offset " + offset + ")", e);
        }
    }

    private static int firstInvalidUtf8Offset(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    private void checkJsonSyntax(String displayName, String text) throws SourceException {
        try (JsonParser parser = json.createParser(text)) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new SourceException(displayName, 1, 1, "a FHIR JSON resource must be a JSON object");
            }
            countTopLevelEntries(displayName, parser);
            if (parser.nextToken() != null) {
                var at = parser.currentLocation();
                throw new SourceException(displayName, at.getLineNr(), at.getColumnNr(), "unexpected content after the end of the JSON object");
            }
        } catch (JsonParseException e) {
            var at = e.getLocation();
            throw new SourceException(displayName, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new SourceException(displayName, 0, 0, "JSON nested deeper than " + MAX_NESTING + " levels", e);
        } catch (IOException e) {
            throw new SourceException(displayName, 0, 0, "cannot read JSON: " + e.getMessage(), e);
        }
    }

    /** Reads the object the parser is at to its end, failing at the entry of a top-level "entry" list past the limit. */
    private static void countTopLevelEntries(String displayName, JsonParser parser) throws IOException, SourceException {
        com.fasterxml.jackson.core.JsonToken token;
        while ((token = parser.nextToken()) != com.fasterxml.jackson.core.JsonToken.END_OBJECT && token != null) {
            String name = parser.currentName();
            token = parser.nextToken();
            if ("entry".equals(name) && token == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                int entries = 0;
                while (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                    if (++entries > MAX_ENTRIES) tooManyEntries(displayName, parser.currentTokenLocation().getLineNr());
                    parser.skipChildren();
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    private static void tooManyEntries(String displayName, int line) throws SourceException {
        throw new SourceException(displayName, line, 0, "more than " + MAX_ENTRIES + " entries in one resource (the limit, so that"
                + " validating it stays quick and within memory): split it into several smaller examples");
    }

    private static void checkXmlSyntax(String displayName, String text) throws SourceException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            // No DTDs, no external entities: resource files come from many contributors.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.newSAXParser().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), new EntryCounter(displayName));
        } catch (SAXParseException e) {
            if (e.getCause() instanceof SourceException tooMany) throw tooMany;
            throw new SourceException(displayName, e.getLineNumber(), e.getColumnNumber(), "malformed XML: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new SourceException(displayName, 0, 0, "cannot read XML: " + e.getMessage(), e);
        }
    }

    /** Counts the {@code <entry>} children of the root element, failing past {@link #MAX_ENTRIES}. */
    private static final class EntryCounter extends DefaultHandler {
        private final String displayName;
        private org.xml.sax.Locator locator;
        private int depth;
        private int entries;

        EntryCounter(String displayName) {
            this.displayName = displayName;
        }

        @Override
        public void setDocumentLocator(org.xml.sax.Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes attributes) throws SAXParseException {
            depth++;
            if (depth == 2 && localName.equals("entry") && ++entries > MAX_ENTRIES) {
                try {
                    tooManyEntries(displayName, locator == null ? 0 : locator.getLineNumber());
                } catch (SourceException e) {
                    throw new SAXParseException(e.getMessage(), locator, e);
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            depth--;
        }
    }

    /** HAPI prefixes its messages with codes such as "HAPI-1861: "; keep the code out of the user's way. */
    static String stripHapiCode(String message) {
        return message == null ? "" : message.replaceAll("HAPI-\\d+: ", "");
    }
}

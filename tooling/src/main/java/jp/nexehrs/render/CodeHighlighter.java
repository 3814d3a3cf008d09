package jp.nexehrs.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.StringReader;

/**
 * JSON and XML as highlighted HTML, made at build time from the parsers' own tokens (Jackson's streaming parser,
 * StAX), so that pages need no script to colour them. The output is escaped text with {@code <span class="…">}
 * around names, strings, numbers, literals, tags and attributes; the text a reader copies is the resource itself.
 * Text that does not parse is shown escaped and uncoloured rather than failing a page.
 */
public final class CodeHighlighter {
    private final JsonFactory jsonFactory = JsonFactory.builder().build();
    private final XMLInputFactory xmlFactory = xmlFactory();

    /** Pretty-printed JSON, each token coloured, whitespace kept as it is. */
    public String json(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        int written = 0;
        try (JsonParser parser = jsonFactory.createParser(new StringReader(text))) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String kind = jsonKind(token);
                if (kind == null) continue;
                int start = (int) parser.currentTokenLocation().getCharOffset();
                if (start < written) continue;
                int end = token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING ? endOfString(text, start) : endOfWord(text, start);
                escape(out, text, written, start);
                out.append("<span class=\"").append(kind).append("\">");
                escape(out, text, start, end);
                out.append("</span>");
                written = end;
            }
        } catch (IOException e) {
            // not JSON after all: the rest is shown as plain text
        }
        escape(out, text, written, text.length());
        return out.toString();
    }

    /** XML, each tag, attribute, text and comment coloured; whitespace between elements kept. */
    public String xml(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        try {
            XMLStreamReader reader;
            // A factory is not promised to be thread-safe while it makes a reader; the reader is this thread's own.
            synchronized (xmlFactory) {
                reader = xmlFactory.createXMLStreamReader(new StringReader(text));
            }
            try {
                boolean openTag = false;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (openTag) {
                        out.append(event == XMLStreamConstants.END_ELEMENT ? "<span class=\"t\">/&gt;</span>" : "<span class=\"t\">&gt;</span>");
                        openTag = false;
                        if (event == XMLStreamConstants.END_ELEMENT) continue;
                    }
                    switch (event) {
                        case XMLStreamConstants.START_ELEMENT -> {
                            startTag(out, reader);
                            openTag = true;
                        }
                        case XMLStreamConstants.END_ELEMENT -> out.append("<span class=\"t\">&lt;/").append(escape(qualified(reader.getPrefix(), reader.getLocalName())))
                                .append("&gt;</span>");
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                            String characters = reader.getText();
                            if (characters.isBlank()) out.append(escape(characters));
                            else out.append("<span class=\"x\">").append(escape(characters)).append("</span>");
                        }
                        case XMLStreamConstants.CDATA -> out.append("<span class=\"x\">&lt;![CDATA[").append(escape(reader.getText())).append("]]&gt;</span>");
                        case XMLStreamConstants.COMMENT -> out.append("<span class=\"c\">&lt;!--").append(escape(reader.getText())).append("--&gt;</span>");
                        default -> {
                            // declarations and processing instructions are not part of a FHIR resource's content
                        }
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            return escape(text);
        }
        return out.toString();
    }

    private static void startTag(StringBuilder out, XMLStreamReader reader) {
        out.append("<span class=\"t\">&lt;").append(escape(qualified(reader.getPrefix(), reader.getLocalName()))).append("</span>");
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String prefix = reader.getNamespacePrefix(i);
            attribute(out, prefix == null || prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, reader.getNamespaceURI(i));
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attribute(out, qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i)), reader.getAttributeValue(i));
        }
    }

    private static void attribute(StringBuilder out, String name, String value) {
        out.append(" <span class=\"a\">").append(escape(name)).append("</span>=<span class=\"s\">&quot;")
                .append(escape(value)).append("&quot;</span>");
    }

    private static String qualified(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static String jsonKind(JsonToken token) {
        return switch (token) {
            case FIELD_NAME -> "k";
            case VALUE_STRING -> "s";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "n";
            case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> "l";
            default -> null;
        };
    }

    /** The end of the quoted string starting at {@code start} (just past its closing quote). */
    private static int endOfString(String text, int start) {
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != '"') i += text.charAt(i) == '\\' ? 2 : 1;
        return Math.min(text.length(), i + 1);
    }

    /** The end of a number or literal starting at {@code start}. */
    private static int endOfWord(String text, int start) {
        int i = start;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || "+-.".indexOf(text.charAt(i)) >= 0)) i++;
        return i;
    }

    private static void escape(StringBuilder out, String text, int from, int to) {
        for (int i = from; i < to; i++) appendEscaped(out, text.charAt(i));
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(out, text, 0, text.length());
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '&' -> out.append("&amp;");
            case '"' -> out.append("&quot;");
            default -> out.append(c);
        }
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // No DTDs or external entities: the text is shown, never resolved.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}

package jp.nexehrs.validation;

import jp.nexehrs.fhir.MessageTranslation;

import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code validate --package} says in its own words ({@code messages.properties}, {@code messages_ja.properties}
 * beside this class). Findings are written in English and translated for the reader like the FHIR library's messages
 * ({@link #translation}), so that the result cache and merged shards hold one text whatever the language.
 */
public final class OwnMessages {
    static final String BUNDLE = "/jp/nexehrs/validation/messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private final Properties templates;

    public OwnMessages(Locale language) {
        String resource = BUNDLE + (language.getLanguage().equals("en") ? "" : "_" + language.getLanguage()) + ".properties";
        templates = MessageTranslation.load(resource).orElseThrow(() -> new IllegalStateException("no message bundle " + resource));
    }

    static final OwnMessages ENGLISH = new OwnMessages(Locale.ENGLISH);

    /** The message {@code key} with {@code values} in its placeholders. */
    public String text(String key, Object... values) {
        String template = templates.getProperty(key);
        if (template == null) throw new IllegalArgumentException("no message " + key);
        Matcher placeholder = PLACEHOLDER.matcher(template.replace("''", "'"));
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            int index = Integer.parseInt(placeholder.group(1));
            placeholder.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values[index])));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    /** The translation of the FHIR library's messages and ours into {@code language}. */
    public static MessageTranslation translation(Locale language) {
        return new MessageTranslation(language, List.of(MessageTranslation.LIBRARY_BUNDLE, BUNDLE));
    }
}

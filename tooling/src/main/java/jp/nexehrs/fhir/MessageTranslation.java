package jp.nexehrs.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages in the reader's language, from message bundles that hold each message's template in English and in the
 * language ({@code Messages.properties} and {@code Messages_ja.properties}, the FHIR library's own translations, and
 * ours alike). The validator always works in English, so that its verdicts never depend on the language (our
 * "not checked offline" rules read its words); a message is translated afterwards: its English text is matched
 * against the English template of its message id, and the values found are put into the translated template. A
 * message that matches no template (a terminology server's own words) stays as it is.
 */
public final class MessageTranslation {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /** The FHIR library's message bundle, on the class path's root. */
    public static final String LIBRARY_BUNDLE = "/Messages";

    private record Template(Pattern english, List<Integer> groups, String translated) {}

    private final Map<String, List<Template>> byId = new HashMap<>();
    private final Locale language;

    /** @param bundles class path resources without {@code .properties}, e.g. {@link #LIBRARY_BUNDLE} */
    public MessageTranslation(Locale language, List<String> bundles) {
        this.language = language;
        if (isEnglish()) return;
        for (String bundle : bundles) {
            Properties english = load(bundle + ".properties").orElseThrow(() -> new IllegalStateException("no message bundle " + bundle));
            Optional<Properties> translated = load(bundle + "_" + language.getLanguage() + ".properties");
            if (translated.isEmpty()) continue;
            for (String key : english.stringPropertyNames()) {
                String target = translated.get().getProperty(key);
                if (target == null) continue;
                byId.computeIfAbsent(idOf(key), k -> new ArrayList<>()).add(template(english.getProperty(key), target));
            }
        }
    }

    public boolean isEnglish() {
        return language.getLanguage().equals("en");
    }

    /** {@code message} (with id {@code messageId}) in this language, or as it is when no template matches. */
    public String translate(String messageId, String message) {
        for (Template template : byId.getOrDefault(messageId, List.of())) {
            Matcher matcher = template.english().matcher(message);
            if (!matcher.matches()) continue;
            StringBuilder out = new StringBuilder();
            Matcher placeholder = PLACEHOLDER.matcher(template.translated());
            while (placeholder.find()) {
                int index = template.groups().indexOf(Integer.parseInt(placeholder.group(1)));
                placeholder.appendReplacement(out, Matcher.quoteReplacement(index < 0 ? placeholder.group() : matcher.group(index + 1)));
            }
            placeholder.appendTail(out);
            return out.toString();
        }
        return message;
    }

    /** A key's message id: plural and variant keys ({@code X_one}, {@code X_other}, {@code x.variant}) share their base's. */
    private static String idOf(String key) {
        int dot = key.indexOf('.');
        if (dot > 0) return key.substring(0, dot);
        for (String suffix : List.of("_one", "_other", "_zero", "_two", "_few", "_many")) {
            if (key.endsWith(suffix)) return key.substring(0, key.length() - suffix.length());
        }
        return key;
    }

    private static Template template(String english, String translated) {
        StringBuilder regex = new StringBuilder();
        List<Integer> groups = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(english);
        int last = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(unquote(english.substring(last, placeholder.start())))).append("(.*?)");
            groups.add(Integer.parseInt(placeholder.group(1)));
            last = placeholder.end();
        }
        regex.append(Pattern.quote(unquote(english.substring(last))));
        return new Template(Pattern.compile(regex.toString(), Pattern.DOTALL), groups, unquote(translated));
    }

    /** The templates' quoting: {@code ''} is one apostrophe. */
    private static String unquote(String text) {
        return text.replace("''", "'");
    }

    /** A message bundle on the class path (UTF-8, as the library's and ours are), or empty when absent. */
    public static Optional<Properties> load(String resource) {
        try (InputStream in = MessageTranslation.class.getResourceAsStream(resource)) {
            if (in == null) return Optional.empty();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return Optional.of(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the message bundle " + resource, e);
        }
    }

    /** The language of {@code --lang}: {@code ja} or {@code en}; empty for anything else. */
    public static Optional<Locale> languageOf(String tag) {
        return switch (tag.trim().toLowerCase(Locale.ROOT)) {
            case "ja" -> Optional.of(Locale.JAPANESE);
            case "en" -> Optional.of(Locale.ENGLISH);
            default -> Optional.empty();
        };
    }
}

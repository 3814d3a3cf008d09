package jp.nexehrs.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jp.nexehrs.fhir.MessageTranslation;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.load.ProjectNotFoundException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The language {@code validate} speaks when {@code --lang} is not given: the project's {@code language} in
 * nexehrs.yaml when there is a project, else the user's locale (Japanese for a Japanese locale, else English).
 */
public final class MessageLanguage {
    private MessageLanguage() {
    }

    public static Locale defaultFor(Path projectDir, Locale userLocale) {
        return projectLanguage(projectDir).or(() -> MessageTranslation.languageOf(userLocale.getLanguage())).orElse(Locale.ENGLISH);
    }

    /** Only this key is read here: the project's own loading checks the whole file when it builds. */
    private static Optional<Locale> projectLanguage(Path projectDir) {
        Path root;
        try {
            root = ProjectLoader.locate(projectDir);
        } catch (ProjectNotFoundException e) {
            return Optional.empty(); // an implementer's folder: no project, the locale decides
        }
        try {
            JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(root.resolve(ProjectLoader.CONFIG_FILE).toFile());
            JsonNode language = config == null ? null : config.get("language");
            return language != null && language.isTextual() ? MessageTranslation.languageOf(language.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // an unreadable nexehrs.yaml is reported by the build that reads it
        }
    }
}

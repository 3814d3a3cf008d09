package jp.nexehrs.validation;

import jp.nexehrs.fhir.MessageTranslation;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.load.ProjectNotFoundException;
import jp.nexehrs.report.SourceException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The language {@code validate} speaks when {@code --lang} is not given: the project's {@code language} (in
 * nexehrs.yaml) when there is a project, else the user's locale (Japanese for a Japanese locale, else English).
 */
public final class MessageLanguage {
    private MessageLanguage() {
    }

    public static Locale defaultFor(Path projectDir, Locale userLocale) {
        return projectLanguage(projectDir).or(() -> MessageTranslation.languageOf(userLocale.getLanguage())).orElse(Locale.ENGLISH);
    }

    private static Optional<Locale> projectLanguage(Path projectDir) {
        try {
            String language = ProjectLoader.readConfig(ProjectLoader.locate(projectDir)).language();
            return language == null ? Optional.empty() : MessageTranslation.languageOf(language);
        } catch (ProjectNotFoundException e) {
            return Optional.empty(); // an implementer's folder: no project, the locale decides
        } catch (SourceException e) {
            return Optional.empty(); // a configuration that cannot be read is reported by the validation that loads the project
        }
    }
}

package jp.nexehrs.compose;

import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;
import jp.nexehrs.load.SiteTemplate;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The Freemarker configurations of a run, one per template folder, with the templates they have parsed. A preview
 * composes the site again on every save, and parsed every template again each time (a sixth of composing in a profile
 * of its first rebuilds; tooling/BENCHMARKS.md). A template is looked up again on every use and parsed again when its
 * file changed, so an edit to {@code site-template/} shows at the next build as before. Thread-safe.
 */
public final class Templates {
    private final Map<Path, Configuration> byFolder = new HashMap<>();

    /** The configuration of the template's folder, made on first use. */
    synchronized Configuration of(SiteTemplate template) {
        return byFolder.computeIfAbsent(template.templates(), Templates::configuration);
    }

    private static Configuration configuration(Path folder) {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(new PathTemplateLoader(folder));
        // Each lookup asks the file's modification time (a stat), never a parsed template older than its file.
        configuration.setTemplateUpdateDelayMilliseconds(0);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        return configuration;
    }
}

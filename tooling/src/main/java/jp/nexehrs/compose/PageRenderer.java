package jp.nexehrs.compose;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import jp.nexehrs.load.SiteTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders one page from a Freemarker template of {@code site-template/templates} with the site and page models.
 * Templates may call {@code shared("fragment.ftlh")} for a part every page shows alike ({@link SharedFragments}).
 */
final class PageRenderer {
    private final Configuration freemarker;
    private final Map<String, Object> site;
    private final SharedFragments shared;

    PageRenderer(SiteTemplate template, Map<String, Object> site) {
        this.freemarker = configuration(template);
        this.site = site;
        this.shared = new SharedFragments(this::renderFragment);
    }

    SiteFile render(String templateName, String path, Map<String, Object> page) {
        String root = "../".repeat((int) path.chars().filter(c -> c == '/').count());
        Map<String, Object> model = new HashMap<>(page);
        model.put("site", site);
        model.put("root", root);
        model.put("pagePath", path);
        model.put("shared", shared.forPage(root, path));
        return new SiteFile(path, process(templateName, path, model).getBytes(StandardCharsets.UTF_8));
    }

    /** A shared fragment: the site model and the root prefix, no page (so {@code pagePath} is empty). */
    private String renderFragment(String templateName, String root) {
        return process(templateName, "(shared fragment for pages at '" + root + "')",
                Map.of("site", site, "root", root, "pagePath", ""));
    }

    private String process(String templateName, String path, Map<String, Object> model) {
        try {
            Template template = freemarker.getTemplate(templateName);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (freemarker.core.ParseException e) {
            throw new SiteComposer.TemplateFailure(templateName, path, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + templateName, e);
        } catch (TemplateException e) {
            throw new SiteComposer.TemplateFailure(templateName, path, e);
        }
    }

    private static Configuration configuration(SiteTemplate template) {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(new PathTemplateLoader(template.templates()));
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

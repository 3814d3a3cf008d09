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

/** Renders one page from a Freemarker template of {@code site-template/templates} with the site and page models. */
final class PageRenderer {
    private final Configuration freemarker;
    private final Map<String, Object> site;

    PageRenderer(SiteTemplate template, Map<String, Object> site) {
        this.freemarker = configuration(template);
        this.site = site;
    }

    SiteFile render(String templateName, String path, Map<String, Object> page) {
        Map<String, Object> model = new HashMap<>(page);
        model.put("site", site);
        model.put("root", "../".repeat((int) path.chars().filter(c -> c == '/').count()));
        model.put("pagePath", path);
        try {
            Template template = freemarker.getTemplate(templateName);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return new SiteFile(path, out.toString().getBytes(StandardCharsets.UTF_8));
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

package jp.nexehrs.compose;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import jp.nexehrs.load.SiteTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders one page from a Freemarker template of {@code site-template/templates} with the site and page models,
 * and the shared sidebar ({@code sidebar.ftlh}, rendered once per folder depth; see {@link Sidebar}).
 */
final class PageRenderer {
    static final String SIDEBAR_TEMPLATE = "sidebar.ftlh";

    private final Configuration freemarker;
    private final Map<String, Object> site;
    private final Sidebar sidebar;

    PageRenderer(Templates templates, SiteTemplate template, Map<String, Object> site, Navigation navigation) {
        this.freemarker = templates.of(template);
        this.site = site;
        this.sidebar = java.nio.file.Files.isRegularFile(template.templates().resolve(SIDEBAR_TEMPLATE))
                ? new Sidebar(navigation, root -> renderText(SIDEBAR_TEMPLATE, "(sidebar)", Map.of("nav", navigation, "root", root, "site", site)))
                : Sidebar.none();
    }

    SiteFile render(String templateName, String path, Map<String, Object> page) {
        Map<String, Object> model = new HashMap<>(page);
        String root = "../".repeat((int) path.chars().filter(c -> c == '/').count());
        model.put("site", site);
        model.put("root", root);
        model.put("pagePath", path);
        model.put("sidebar", sidebar.forPage(path, root));
        return new SiteFile(path, renderText(templateName, path, model).getBytes(StandardCharsets.UTF_8));
    }

    private String renderText(String templateName, String path, Map<String, Object> model) {
        try {
            Template template = freemarker.getTemplate(templateName);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (freemarker.core.ParseException e) {
            throw new TemplateFailure.Unchecked(TemplateFailure.of(templateName, path, e));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + templateName, e);
        } catch (TemplateException e) {
            throw new TemplateFailure.Unchecked(TemplateFailure.of(templateName, path, e));
        }
    }
}

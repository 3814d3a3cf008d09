package jp.nexehrs.compose;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Parts of the page that every page shows alike (the navigation): a template calls {@code ${shared("navigation.ftlh")}}
 * and gets the fragment rendered once per site and page depth, instead of evaluating it again for each page, which
 * made composing grow with pages x navigation entries. The fragment sees the site model and {@code root}, but not the
 * page: its link to the current page is marked {@code aria-current="page"} afterwards, by text.
 */
final class SharedFragments {
    /** Renders a fragment template with the site model for pages at the given root prefix ("" or "../"...). */
    private final BiFunction<String, String, String> render;
    private final Map<String, String> rendered = new ConcurrentHashMap<>();

    SharedFragments(BiFunction<String, String, String> render) {
        this.render = render;
    }

    /** The {@code shared} function of one page. */
    TemplateMethodModelEx forPage(String root, String pagePath) {
        return arguments -> HTMLOutputFormat.INSTANCE.fromMarkup(fragment(templateName(arguments), root, pagePath));
    }

    String fragment(String templateName, String root, String pagePath) {
        String html = rendered.computeIfAbsent(templateName + "\n" + root, key -> render.apply(templateName, root));
        String current = "href=\"" + root + pagePath + "\"";
        return html.replace(current, current + " aria-current=\"page\"");
    }

    private static String templateName(List<?> arguments) throws TemplateModelException {
        if (arguments.size() != 1 || !(arguments.get(0) instanceof TemplateScalarModel name)) {
            throw new TemplateModelException("shared(...) takes one argument: the fragment template's name");
        }
        return name.getAsString();
    }
}

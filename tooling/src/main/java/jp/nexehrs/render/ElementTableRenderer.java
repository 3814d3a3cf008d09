package jp.nexehrs.render;

import org.jsoup.nodes.Element;

import java.util.List;

/**
 * Writes element tree rows as one HTML table. The table is complete without JavaScript (every row visible,
 * indented by depth); {@code assets/element-tree.js} reads the {@code data-} attributes to add expand/collapse
 * toggles. Shared by the site's profile pages and the {@code fhir-table::} block macro in documents.
 */
public final class ElementTableRenderer {
    /** Deeper rows are indented as this depth (site.css has a rule for each depth up to it). */
    private static final int MAX_INDENTED_DEPTH = 12;

    /** @param view names the table, and prefixes row ids so several views fit on one page */
    public String render(List<ElementNode> rows, ElementView view) {
        Element table = new Element("table").addClass("elements").addClass("element-tree").attr("data-view", view.code());
        Element header = table.appendElement("thead").appendElement("tr");
        for (String[] column : new String[][]{{"名前", "Name"}, {"フラグ", "Flags"}, {"多重度", "Card."}, {"型", "Type"},
                {"説明・制約", "Description & constraints"}, {"固定値・パターン", "Fixed / pattern"}}) {
            Element th = header.appendElement("th").text(column[0] + " ");
            th.appendElement("span").attr("lang", "en").text(column[1]);
        }
        Element body = table.appendElement("tbody");
        for (ElementNode row : rows) body.appendChild(row(row, view));
        return table.outerHtml();
    }

    private static Element row(ElementNode node, ElementView view) {
        Element tr = new Element("tr").id(view.code() + "-" + node.id()).attr("data-element", node.id())
                .attr("data-depth", Integer.toString(node.depth()));
        if (!node.parentId().isEmpty()) tr.attr("data-parent", node.parentId());
        if (node.hasChildren()) tr.attr("data-has-children", "true");
        if (node.context()) tr.addClass("context");
        if (!node.sliceName().isEmpty()) tr.addClass("slice");

        // Indentation by class, not inline style: documents' HTML policy allows no style attributes.
        tr.addClass("depth-" + Math.min(node.depth(), MAX_INDENTED_DEPTH));
        Element name = tr.appendElement("td").addClass("element-name");
        name.appendElement("code").attr("title", node.id()).text(node.name());

        Element flags = tr.appendElement("td").addClass("flags");
        ElementNode.Flags f = node.flags();
        if (f.modifier()) flag(flags, "?!", "修飾要素 (is modifier)");
        if (f.mustSupport()) flag(flags, "S", "必須サポート (must support)");
        if (f.summary()) flag(flags, "Σ", "要約に含む (summary)");
        if (f.constrained()) flag(flags, "I", "不変条件あり (has constraints)");

        tr.appendElement("td").addClass("cardinality").text(node.cardinality());

        Element types = tr.appendElement("td").addClass("types");
        boolean first = true;
        for (ElementNode.TypeRef type : node.types()) {
            if (!first) types.appendText(" | ");
            first = false;
            link(types, type.type());
            if (!type.targets().isEmpty()) {
                types.appendText("(");
                types.appendElement("wbr");
                for (int i = 0; i < type.targets().size(); i++) {
                    if (i > 0) types.appendText(" | ").appendElement("wbr");
                    link(types, type.targets().get(i));
                }
                types.appendText(")");
            }
        }

        Element description = tr.appendElement("td").addClass("description");
        if (!node.definition().isEmpty()) description.attr("title", node.definition());
        description.appendText(node.shortText());
        if (!node.slicing().isEmpty()) description.appendElement("div").addClass("slicing").text(node.slicing());
        if (node.binding() != null) {
            Element binding = description.appendElement("div").addClass("binding").text("束縛 Binding: ");
            link(binding, node.binding().link());
            binding.appendText(" (" + node.binding().strength() + ")");
        }

        Element fixed = tr.appendElement("td").addClass("fixed");
        if (!node.fixed().isEmpty()) breakable(fixed.appendElement("code"), node.fixed());
        return tr;
    }

    /** Text with a break opportunity after each '/' between two parts, so that a long URL wraps between its parts, never inside one. */
    private static void breakable(Element parent, String text) {
        String[] parts = text.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                parent.appendText("/");
                if (!parts[i - 1].isEmpty() && !parts[i].isEmpty()) parent.appendElement("wbr");
            }
            parent.appendText(parts[i]);
        }
    }

    private static void flag(Element cell, String text, String title) {
        cell.appendElement("span").addClass("flag").attr("title", title).text(text);
        cell.appendText(" ");
    }

    private static void link(Element parent, ArtifactLinks.Link link) {
        if (link.href().isEmpty()) parent.appendElement("span").text(link.label());
        else parent.appendElement("a").attr("href", link.href()).text(link.label());
    }
}

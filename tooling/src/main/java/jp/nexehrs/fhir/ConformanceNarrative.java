package jp.nexehrs.fhir;

import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A short generated narrative ({@code text}, status {@code generated}) for a conformance resource, made from what the
 * resource says: its title and description, and for a profile the elements its differential constrains, for a value
 * set what it includes and excludes, for a code system its concepts. Written in Japanese or English. The XHTML is built
 * as nodes and escaped by the FHIR library's composer, so no text of the resource can become markup; characters that
 * XML cannot hold are dropped. Long lists stop at {@link #MAX_ROWS} rows and say how many more there are: a narrative is
 * a summary, and a code system of thousands of codes would otherwise double the package.
 */
public final class ConformanceNarrative {
    static final int MAX_ROWS = 100;
    private final boolean japanese;
    private final Optional<String> language;

    /**
     * @param japanese whether the labels are Japanese
     * @param language the language tag to put on the narrative ({@code lang}), when the guide declares one
     */
    public ConformanceNarrative(boolean japanese, Optional<String> language) {
        this.japanese = japanese;
        this.language = language;
    }

    /** The narrative of {@code resource}. */
    public Narrative of(MetadataResource resource) {
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        // In the order HAPI's parser gives them back: a cached resource, parsed again, must encode to the same bytes.
        language.ifPresent(tag -> div.setAttribute("xml:lang", tag));
        div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
        language.ifPresent(tag -> div.setAttribute("lang", tag));
        String title = primitive(resource, "title").or(() -> primitive(resource, "name")).orElse(resource.getIdElement().getIdPart());
        text(div.addTag("p").addTag("b"), title);
        primitive(resource, "description").ifPresent(description -> text(div.addTag("p"), description));
        primitive(resource, "url").ifPresent(url -> text(div.addTag("p"), label("正規 URL: ", "Canonical URL: ") + url));
        if (resource instanceof StructureDefinition profile) profile(div, profile);
        else if (resource instanceof ValueSet valueSet) valueSet(div, valueSet);
        else if (resource instanceof CodeSystem codeSystem) codeSystem(div, codeSystem);
        Narrative narrative = new Narrative();
        narrative.setStatus(Narrative.NarrativeStatus.GENERATED);
        narrative.setDiv(div);
        return narrative;
    }

    private void profile(XhtmlNode div, StructureDefinition profile) {
        if (profile.hasBaseDefinition()) {
            text(div.addTag("p"), label("基底: ", "Based on: ") + profile.getBaseDefinition());
        }
        List<ElementDefinition> elements = profile.getDifferential().getElement();
        List<String[]> rows = new ArrayList<>();
        for (ElementDefinition element : elements) {
            String cardinality = element.hasMin() || element.hasMax()
                    ? (element.hasMin() ? Integer.toString(element.getMin()) : "") + ".." + (element.hasMax() ? element.getMax() : "") : "";
            String types = String.join(", ", element.getType().stream().map(ElementDefinition.TypeRefComponent::getCode).toList());
            String description = element.hasShort() ? element.getShort() : element.hasBinding() && element.getBinding().hasValueSet()
                    ? label("バインディング ", "binding ") + (element.getBinding().hasStrength() ? element.getBinding().getStrength().toCode() + " " : "")
                    + element.getBinding().getValueSet() : "";
            // The root and slicing entries that change none of these say nothing a reader could use here.
            if (cardinality.isEmpty() && types.isEmpty() && description.isEmpty()) continue;
            rows.add(new String[]{element.hasId() ? element.getId() : element.getPath(), cardinality, types, description});
        }
        if (rows.isEmpty()) return;
        text(div.addTag("p"), label("差分で制約する要素:", "Elements constrained by the differential:"));
        XhtmlNode table = div.addTag("table");
        XhtmlNode header = table.addTag("tr");
        for (String column : japanese ? List.of("要素", "多重度", "型", "説明") : List.of("Element", "Cardinality", "Type", "Description")) {
            text(header.addTag("th"), column);
        }
        for (String[] row : rows.subList(0, Math.min(MAX_ROWS, rows.size()))) {
            XhtmlNode tr = table.addTag("tr");
            for (String cell : row) text(tr.addTag("td"), cell);
        }
        more(div, rows.size());
    }

    private void valueSet(XhtmlNode div, ValueSet valueSet) {
        if (!valueSet.hasCompose()) return;
        composeRules(div, valueSet.getCompose().getInclude(), label("このバリューセットが含むもの:", "This value set includes:"));
        composeRules(div, valueSet.getCompose().getExclude(), label("除外するもの:", "It excludes:"));
    }

    private void composeRules(XhtmlNode div, List<ValueSet.ConceptSetComponent> rules, String heading) {
        if (rules.isEmpty()) return;
        text(div.addTag("p"), heading);
        XhtmlNode list = div.addTag("ul");
        for (ValueSet.ConceptSetComponent rule : rules) {
            XhtmlNode item = list.addTag("li");
            List<String> parts = new ArrayList<>();
            if (rule.hasSystem()) {
                String system = rule.getSystem() + (rule.hasVersion() ? " (" + rule.getVersion() + ")" : "");
                if (rule.hasConcept()) parts.add(label("コードシステム " + system + " の次のコード", "these codes of " + system));
                else if (rule.hasFilter()) parts.add(label("コードシステム " + system + " のコードのうち", "codes of " + system));
                else parts.add(label("コードシステム " + system + " のすべてのコード", "all codes of " + system));
            }
            rule.getFilter().forEach(filter -> parts.add(label("条件 ", "where ") + filter.getProperty() + " "
                    + (filter.hasOp() ? filter.getOp().toCode() : "") + " " + filter.getValue()));
            rule.getValueSet().forEach(other -> parts.add(label("バリューセット ", "value set ") + other.getValue()));
            text(item, String.join(japanese ? "、" : ", ", parts));
            if (rule.hasConcept()) {
                XhtmlNode codes = item.addTag("ul");
                List<ValueSet.ConceptReferenceComponent> concepts = rule.getConcept();
                for (ValueSet.ConceptReferenceComponent concept : concepts.subList(0, Math.min(MAX_ROWS, concepts.size()))) {
                    text(codes.addTag("li"), concept.getCode() + (concept.hasDisplay() ? ": " + concept.getDisplay() : ""));
                }
                more(item, concepts.size());
            }
        }
    }

    private void codeSystem(XhtmlNode div, CodeSystem codeSystem) {
        if (codeSystem.hasContent()) {
            text(div.addTag("p"), label("内容: ", "Content: ") + codeSystem.getContent().toCode());
        }
        List<String[]> rows = new ArrayList<>();
        int[] total = {0};
        flatten(codeSystem.getConcept(), 0, rows, total);
        if (rows.isEmpty()) return;
        XhtmlNode table = div.addTag("table");
        XhtmlNode header = table.addTag("tr");
        for (String column : japanese ? List.of("コード", "表示名", "定義") : List.of("Code", "Display", "Definition")) {
            text(header.addTag("th"), column);
        }
        for (String[] row : rows) {
            XhtmlNode tr = table.addTag("tr");
            for (String cell : row) text(tr.addTag("td"), cell);
        }
        more(div, total[0]);
    }

    /** The concepts in order, children after their parent and indented by level, at most MAX_ROWS; {@code total} counts all. */
    private static void flatten(List<CodeSystem.ConceptDefinitionComponent> concepts, int level, List<String[]> rows, int[] total) {
        for (CodeSystem.ConceptDefinitionComponent concept : concepts) {
            total[0]++;
            if (rows.size() < MAX_ROWS) {
                rows.add(new String[]{"\u00a0\u00a0".repeat(level) + concept.getCode(), concept.hasDisplay() ? concept.getDisplay() : "",
                        concept.hasDefinition() ? concept.getDefinition() : ""});
            }
            flatten(concept.getConcept(), level + 1, rows, total);
        }
    }

    private void more(XhtmlNode parent, int total) {
        if (total > MAX_ROWS) {
            text(parent.addTag("p"), japanese ? "ほか " + (total - MAX_ROWS) + " 件（全 " + total + " 件はリソースを参照）"
                    : "and " + (total - MAX_ROWS) + " more (all " + total + " are in the resource)");
        }
    }

    /**
     * The value of a simple property, when the resource's type has it: R4's NamingSystem has no {@code url} or
     * {@code title}, and its getters for them throw.
     */
    public static Optional<String> primitive(MetadataResource resource, String name) {
        Property property = resource.getNamedProperty(name);
        if (property == null || !property.hasValues()) return Optional.empty();
        return Optional.ofNullable(property.getValues().get(0).primitiveValue()).filter(value -> !value.isBlank());
    }

    private String label(String ja, String en) {
        return japanese ? ja : en;
    }

    /**
     * Adds {@code value} as text (escaped when composed), without the characters XML 1.0 cannot hold. Nothing for an
     * empty value: an empty text node composes as {@code <td></td>} but is gone once the narrative is parsed back (from
     * the build cache), which composes {@code <td/>}, and the same input must give the same bytes.
     */
    private static void text(XhtmlNode node, String value) {
        StringBuilder clean = new StringBuilder(value.length());
        value.codePoints().filter(c -> c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(clean::appendCodePoint);
        if (!clean.isEmpty()) node.addText(clean.toString());
    }
}

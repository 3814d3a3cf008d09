package jp.nexehrs.convert;

import jp.nexehrs.render.ElementTableRenderer;
import jp.nexehrs.render.ElementView;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.jsoup.nodes.Entities;

import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code fhir-table::NeXEHRSPatient[view=differential]}: embeds a profile's element table (views differential,
 * the default, snapshot, must-support, key) in a document, drawn from the profile's snapshot exactly as its
 * page draws it. An unknown profile or view is an error on the document and line.
 */
@Name("fhir-table")
final class ElementTableMacro extends BlockMacroProcessor {
    private final Supplier<DocumentConverter.Conversion> conversion;
    private final ElementTableRenderer renderer = new ElementTableRenderer();

    ElementTableMacro(Supplier<DocumentConverter.Conversion> conversion) {
        this.conversion = conversion;
    }

    @Override
    public StructuralNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
        DocumentConverter.Conversion current = conversion.get();
        if (current == null) return null;
        String viewCode = String.valueOf(attributes.getOrDefault("view", ElementView.DIFFERENTIAL.code()));
        var view = ElementView.fromCode(viewCode);
        var found = current.artifacts.find(target);
        String problem = null;
        if (found.isEmpty()) {
            problem = "fhir-table::" + target + "[] names no StructureDefinition of this project";
        } else if (!(found.get().resource() instanceof StructureDefinition)) {
            problem = "fhir-table::" + target + "[] names a " + found.get().resource().fhirType() + "; element tables are for StructureDefinitions";
        } else if (view.isEmpty()) {
            problem = "fhir-table::" + target + "[view=" + viewCode + "]: unknown view '" + viewCode + "'; use one of " + ElementView.codes();
        }
        if (problem != null) {
            current.findings.add(new Finding(Severity.ERROR, current.source.file(),
                    lineOf(current.source.text(), target, parent), 0, "", "unknown-artifact", problem));
            return createBlock(parent, "paragraph", problem, Map.of("role", "unresolved-artifact"));
        }
        current.linkedArtifacts.add(found.get().key());
        String root = String.valueOf(parent.getDocument().getAttribute("nexehrs-site-root", ""));
        var rows = current.artifacts.elementTree().rows((StructureDefinition) found.get().resource(), view.get(), root);
        String html = "<div class=\"fhir-table\"><p class=\"fhir-table-title\"><a href=\"" + root + found.get().pagePath() + "\">"
                + Entities.escape(found.get().label()) + "</a> — " + view.get().japanese() + " <span lang=\"en\">"
                + view.get().english() + "</span></p>" + renderer.render(rows, view.get()) + "</div>";
        return createBlock(parent, "pass", html);
    }

    /** The 1-based line of the macro in the document's source; the parent's line when it came from an include. */
    private static int lineOf(String text, String target, StructuralNode parent) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("fhir-table::" + target + "[")) return i + 1;
        }
        return parent.getSourceLocation() == null ? 0 : parent.getSourceLocation().getLineNumber();
    }
}

package jp.nexehrs.convert;

import jp.nexehrs.report.Finding;
import org.asciidoctor.ast.PhraseNode;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.InlineMacroProcessor;
import org.asciidoctor.extension.Name;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code fhir:NeXEHRSPatient[]} or {@code fhir:NeXEHRSPatient[link text]}: a link to an artifact's page by its
 * name, id or canonical URL, so that links from the text cannot go stale. An unknown target is an error on the
 * document and line.
 */
@Name("fhir")
final class ArtifactLinkMacro extends InlineMacroProcessor {
    private final Supplier<DocumentConverter.Conversion> conversion;

    ArtifactLinkMacro(Supplier<DocumentConverter.Conversion> conversion) {
        this.conversion = conversion;
    }

    @Override
    public PhraseNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
        DocumentConverter.Conversion current = conversion.get();
        Object text = attributes.get("1");
        var found = current == null ? java.util.Optional.<ArtifactIndex.Target>empty() : current.artifacts.find(target);
        if (found.isEmpty()) {
            if (current != null) {
                int line = lineOf(parent, target);
                current.findings.add(new Finding(jp.nexehrs.report.Severity.ERROR, current.source.file(), line, 0, "",
                        "unknown-artifact", "fhir:" + target + "[] names no StructureDefinition, ValueSet or CodeSystem of this project"));
            }
            Map<String, Object> options = new HashMap<>();
            return createPhraseNode(parent, "quoted", target, Map.of("role", "unresolved-artifact"), options);
        }
        current.linkedArtifacts.add(found.get().key());
        String root = String.valueOf(parent.getDocument().getAttribute("nexehrs-site-root", ""));
        Map<String, Object> options = new HashMap<>();
        options.put("type", ":link");
        options.put("target", root + found.get().pagePath());
        String label = text == null ? found.get().label() : text.toString();
        return createPhraseNode(parent, "anchor", label, Map.of("role", "artifact-link"), options);
    }

    /** The source line of the macro: the block's first line plus the offset of the line that holds it. */
    private static int lineOf(StructuralNode parent, String target) {
        if (parent.getSourceLocation() == null) return 0;
        int start = parent.getSourceLocation().getLineNumber();
        if (parent instanceof org.asciidoctor.ast.Block block) {
            java.util.List<String> lines = block.getLines();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("fhir:" + target + "[")) return start + i;
            }
        }
        return start;
    }
}

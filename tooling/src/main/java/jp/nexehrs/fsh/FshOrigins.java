package jp.nexehrs.fsh;

import jp.nexehrs.report.Finding;

import java.util.List;
import java.util.Map;

/**
 * Where each resource SUSHI made came from: its generated file's name (as the build names it) and the FSH
 * declaration. A finding on a generated resource is moved to the {@code .fsh} file, on the line of the rule that sets
 * the finding's path where one does, else on the declaration's line; the generated file and line stay in the message
 * for whoever wants to look at what SUSHI made.
 */
public record FshOrigins(Map<String, FshDeclaration> byGeneratedFile) {
    public static final FshOrigins NONE = new FshOrigins(Map.of());

    public FshOrigins {
        byGeneratedFile = Map.copyOf(byGeneratedFile);
    }

    public List<Finding> relocate(List<Finding> findings) {
        if (byGeneratedFile.isEmpty()) return findings;
        return findings.stream().map(this::relocate).toList();
    }

    public Finding relocate(Finding finding) {
        FshDeclaration origin = byGeneratedFile.get(finding.file());
        if (origin == null) return finding;
        String where = finding.line() > 0 ? finding.file() + " line " + finding.line() : finding.file();
        return new Finding(finding.severity(), origin.file(), origin.lineOf(finding.fhirPath()), 0, finding.fhirPath(), finding.messageId(),
                finding.message() + " (" + origin.kind() + " " + origin.name() + ", compiled by SUSHI into " + where + ")");
    }
}

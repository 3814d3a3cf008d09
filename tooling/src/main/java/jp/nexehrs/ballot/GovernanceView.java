package jp.nexehrs.ballot;

import jp.nexehrs.governance.DocumentState;
import jp.nexehrs.governance.Governance;
import jp.nexehrs.report.Finding;

import java.util.List;
import java.util.Optional;

/** The governance records with what each document's header says, for {@code nexehrs ballot}. */
public record GovernanceView(Governance governance, List<DocumentHeader> documents, List<Finding> loadFindings) {

    /** A document's identity and lifecycle attributes as its AsciiDoc header states them. */
    public record DocumentHeader(String id, String file, int statusLine, String title, String version, String status, String owner) {
        public DocumentState state() {
            return new DocumentState(id, file, statusLine, title, version, status, owner);
        }
    }

    public Optional<DocumentHeader> document(String idOrFile) {
        return documents.stream().filter(d -> d.id().equals(idOrFile) || d.file().equals(idOrFile)
                || d.file().endsWith("/" + idOrFile)).findFirst();
    }
}

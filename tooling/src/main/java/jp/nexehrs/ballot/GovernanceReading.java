package jp.nexehrs.ballot;

import jp.nexehrs.convert.Converter;
import jp.nexehrs.governance.DocumentState;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.report.NexehrsException;

import java.nio.file.Path;
import java.util.List;

/** The ballot commands' flow: the governance records and each document's header; no build, no validation. */
public final class GovernanceReading {
    private final Toolkit toolkit;

    public GovernanceReading(Toolkit toolkit) {
        this.toolkit = toolkit;
    }

    public GovernanceView read(Path projectDir) throws NexehrsException {
        Path root = ProjectLoader.locate(projectDir);
        Project project = toolkit.projectLoader().load(root);
        List<GovernanceView.DocumentHeader> documents = new Converter(toolkit.fhir(), toolkit::documents).headers(project).stream()
                .map(d -> new GovernanceView.DocumentHeader(d.id(), d.source().file(), DocumentState.statusLineIn(d.source().text()),
                        d.title(), d.header().version(), d.header().status(), d.header().owner()))
                .toList();
        return new GovernanceView(project.governance(), documents, project.findings());
    }
}

package jp.nexehrs.cli;

import jp.nexehrs.ballot.GovernanceReading;
import jp.nexehrs.ballot.GovernanceView;
import jp.nexehrs.governance.BallotTally;
import jp.nexehrs.governance.DocumentGovernanceStatus;
import jp.nexehrs.governance.TallyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "ballot", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Shows a guideline document's lifecycle and its adoption ballots, from the records in governance/.",
                "",
                "  status <document>  the document's status, owner, deciding committee (部会), its full members, and",
                "                     whether a closed ballot on its current version passed",
                "  tally <document>   the count of every ballot on the document and the rule applied: at least two",
                "                     thirds yes among the full members (正会員) registered in the deciding committee,",
                "                     one vote per organisation; abstaining or not voting is not a yes",
                "",
                "<document> is the file name without .adoc (e.g. 01-overview) or the path of the file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "1:the governance records have errors", "2:usage error (unknown document, no project)"})
final class BallotCommand implements Callable<Integer> {
    enum Action { status, tally }

    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "status|tally", description = "What to show: ${COMPLETION-CANDIDATES}.")
    Action action;

    @Parameters(index = "1", paramLabel = "<document>", description = "The document, e.g. 01-overview.")
    String document;

    @Override
    public Integer call() {
        return Runner.run(options, (toolkit, console) -> {
            GovernanceView view = new GovernanceReading(toolkit).read(options.project);
            if (!view.loadFindings().isEmpty()) console.findings(view.loadFindings());
            var header = view.document(document);
            if (header.isEmpty()) {
                console.failure("no document '" + document + "' in spec/; known: "
                        + String.join(", ", view.documents().stream().map(GovernanceView.DocumentHeader::id).toList()), null);
                return ExitCode.USAGE_OR_ENVIRONMENT;
            }
            BallotTally tally = new BallotTally();
            if (action == Action.status) {
                console.text(DocumentGovernanceStatus.of(view.governance(), header.get().state(), tally).toText());
            } else {
                List<TallyResult> results = tally.tallyAll(view.governance(), header.get().id());
                if (results.isEmpty()) console.text("no ballot on " + header.get().id() + " (投票の記録なし)\n");
                results.forEach(r -> console.text(r.toText() + "\n"));
            }
            return view.loadFindings().stream().anyMatch(f -> f.isError()) ? ExitCode.CONTENT_ERRORS : ExitCode.OK;
        });
    }
}

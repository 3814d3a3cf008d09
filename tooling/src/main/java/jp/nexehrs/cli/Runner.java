package jp.nexehrs.cli;

import jp.nexehrs.compose.SiteComposer;
import jp.nexehrs.history.HistoryException;
import jp.nexehrs.load.MissingDependenciesException;
import jp.nexehrs.load.ProjectNotFoundException;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.produce.Producer;
import jp.nexehrs.publish.PublishException;
import jp.nexehrs.report.SourceException;

import java.util.Optional;

/** Runs one command's work with a toolkit, and maps every way it can end to an exit code and one clear line. */
final class Runner {
    interface Work {
        int run(Toolkit toolkit, Console console) throws Exception;
    }

    static int run(CommonOptions options, Work work) {
        return run(options, Toolkit.Caching.OFF, work);
    }

    /** @param caching whether the toolkit keeps results in the project's build/.cache */
    static int run(CommonOptions options, Toolkit.Caching caching, Work work) {
        Console console = new Console(options);
        if (options.threads < 1) {
            console.failure("--threads must be at least 1", null);
            return ExitCode.USAGE_OR_ENVIRONMENT;
        }
        try (Toolkit toolkit = new Toolkit(options.threads, Producer.epochFromEnvironment(), caching,
                Optional.ofNullable(options.missingDependencies))) {
            return work.run(toolkit, console);
        } catch (ProjectNotFoundException e) {
            console.failure(e.getMessage(), null);
            return ExitCode.USAGE_OR_ENVIRONMENT;
        } catch (MissingDependenciesException e) {
            // What this machine lacks, not what the guide got wrong.
            console.failure(e.getMessage(), null);
            return ExitCode.USAGE_OR_ENVIRONMENT;
        } catch (SourceException e) {
            console.failure(e.toFinding().toLine(), options.verbose ? e : null);
            return ExitCode.CONTENT_ERRORS;
        } catch (HistoryException e) {
            console.failure(e.getMessage(), null);
            return ExitCode.USAGE_OR_ENVIRONMENT;
        } catch (PublishException e) {
            console.failure(e.getMessage(), options.verbose ? e : null);
            return ExitCode.USAGE_OR_ENVIRONMENT;
        } catch (SiteComposer.TemplateFailure e) {
            // A broken template is the site maintainers' content error, with its own file and line.
            console.failure(e.getMessage(), options.verbose ? e : null);
            return ExitCode.CONTENT_ERRORS;
        } catch (Exception e) {
            console.failure("internal failure: " + e, e);
            return ExitCode.USAGE_OR_ENVIRONMENT;
        }
    }
}

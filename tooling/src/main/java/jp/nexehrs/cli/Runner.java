package jp.nexehrs.cli;

import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.report.NexehrsException;

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
        try (Toolkit toolkit = Toolkit.fromEnvironment(options.threads, caching, Optional.ofNullable(options.missingDependencies),
                options.lentEngines())) {
            return work.run(toolkit, console);
        } catch (NexehrsException e) {
            console.failure(e.toLine(), options.verbose ? e : null);
            return e.exitCode();
        } catch (Exception e) {
            console.failure("internal failure: " + e, e);
            return ExitCode.USAGE_OR_ENVIRONMENT;
        }
    }
}

package jp.nexehrs.cli;

import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.serve.PreviewSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Builds the specification, serves the site at http://127.0.0.1:8000/ and rebuilds it whenever you save a file in",
                "spec/, profiles/, fsh/, site-template/, governance/ or nexehrs.yaml (input/ and sushi-config.yaml for a guide in",
                "the IG Publisher's layout): only what changed is converted, generated or validated again, and the open browser",
                "tabs reload where they were. A saved document's or profile's page shows first (in a fraction of a second,",
                "before the examples are validated again); the rest of the site follows.",
                "",
                "Errors appear here and over the page, with file and line; the last site that built stays on screen until you",
                "fix them. The site is kept in memory: build/ is not written (except build/.cache); run 'nexehrs build' to",
                "publish. Stop with Ctrl-C."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"130:stopped with Ctrl-C (the shell's code for an interrupt; the server closes cleanly first)",
                "2:usage or environment error (no project, port in use, unknown host)"})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--port", paramLabel = "<n>", description = "The port to listen on (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port = 8000;

    @Option(names = "--host", paramLabel = "<address>", description = "The address to listen on. Default: ${DEFAULT-VALUE}, this machine only. "
            + "Any other address shows the site (and its unpublished drafts) to the whole network: say so explicitly.")
    String host = "127.0.0.1";

    @Option(names = "--no-cache", description = "Convert and validate everything afresh at each rebuild, ignoring build/.cache.")
    boolean noCache;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            new Console(options).failure("--port must be between 0 and 65535, not " + port, null);
            return ExitCode.USAGE_OR_ENVIRONMENT;
        }
        return Runner.run(options, Caching.of(noCache), (toolkit, console) -> {
            Path root = ProjectLoader.locate(options.project);
            if (!isLoopback(host)) {
                console.warning("serving on " + host + ": anyone who can reach this machine can read the site, drafts included");
            }
            CountDownLatch stop = new CountDownLatch(1);
            CountDownLatch stopped = new CountDownLatch(1);
            Thread onCtrlC = new Thread(() -> {
                stop.countDown();
                try {
                    // Let the main thread close the server and say so before the JVM ends.
                    stopped.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "nexehrs-stop");
            try (PreviewSession session = new PreviewSession(toolkit, root, line -> console.text(line + System.lineSeparator()))) {
                InetSocketAddress address;
                try {
                    address = session.start(host, port);
                } catch (BindException e) {
                    console.failure("cannot listen on " + host + ":" + port + " (" + e.getMessage() + "): choose another --port", null);
                    return ExitCode.USAGE_OR_ENVIRONMENT;
                } catch (UnknownHostException e) {
                    console.failure(e.getMessage() + ": give --host an address of this machine, e.g. 127.0.0.1", null);
                    return ExitCode.USAGE_OR_ENVIRONMENT;
                }
                Runtime.getRuntime().addShutdownHook(onCtrlC);
                console.info("serving http://" + hostForUrl(address) + ":" + address.getPort() + "/ ; watching "
                        + String.join(", ", session.watchedSources()) + "; Ctrl-C to stop");
                stop.await();
            } finally {
                stopped.countDown();
            }
            console.info("stopped");
            return ExitCode.OK;
        });
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private String hostForUrl(InetSocketAddress address) {
        String shown = address.getAddress().isAnyLocalAddress() ? host : address.getAddress().getHostAddress();
        return shown.contains(":") ? "[" + shown + "]" : shown;
    }
}

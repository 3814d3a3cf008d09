package jp.nexehrs.convert;

import jp.nexehrs.html.HtmlPolicy;
import jp.nexehrs.load.DocumentSource;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.Section;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.log.LogRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Converts AsciiDoc guideline documents to HTML body fragments with one shared Asciidoctor instance.
 * SAFE mode jails includes inside {@code spec/}, and {@link JailedIncludes} resolves every include relative to the
 * including file's folder with {@link IncludeResolver}, the rule the build cache's key also follows; the problems Asciidoctor logs become findings on the
 * document and line they concern, and those that lose content (a missing or forbidden include, an unknown
 * attribute) are errors.
 */
public final class DocumentConverter implements AutoCloseable {
    private final Asciidoctor asciidoctor;
    /** The document being converted on this thread: the log handler and macros report into it. */
    private final ThreadLocal<Conversion> current = new ThreadLocal<>();
    /** Where the log handler puts what Asciidoctor says while a PDF is rendered on this thread. */
    private final ThreadLocal<List<String>> pdfProblems = new ThreadLocal<>();
    private final HtmlPolicy htmlPolicy = new HtmlPolicy();
    /** Asciidoctor also logs to java.util.logging's console; its messages reach the user as findings instead. */
    private final java.util.logging.Logger asciidoctorLog = java.util.logging.Logger.getLogger("asciidoctor");

    public DocumentConverter() {
        this.asciidoctor = Asciidoctor.Factory.create();
        asciidoctorLog.setUseParentHandlers(false);
        asciidoctor.registerLogHandler(this::onLog);
        asciidoctor.javaExtensionRegistry().inlineMacro(new ArtifactLinkMacro(this::currentConversion));
        asciidoctor.javaExtensionRegistry().blockMacro(new ElementTableMacro(this::currentConversion));
        asciidoctor.javaExtensionRegistry().includeProcessor(new JailedIncludes(this::includeRefused));
    }

    /** An include the resolver refused or could not find: an error on the directive, for the HTML or the PDF. */
    private void includeRefused(String file, int line, String message) {
        Conversion conversion = current.get();
        if (conversion != null) {
            conversion.findings.add(Finding.error(file, line, 0, message));
        } else if (pdfProblems.get() != null) {
            pdfProblems.get().add(file + ":" + line + ": " + message);
        }
    }

    /** State of one conversion: where it reports, and which artifacts it resolves against. */
    static final class Conversion {
        final DocumentSource source;
        final ArtifactIndex artifacts;
        final List<Finding> findings = new ArrayList<>();
        final List<String> linkedArtifacts = new ArrayList<>();

        Conversion(DocumentSource source, ArtifactIndex artifacts) {
            this.source = source;
            this.artifacts = artifacts;
        }
    }

    record Result(ConvertedDocument document, List<Finding> findings) {}

    /**
     * Runs {@code work} on the shared Asciidoctor runtime (another backend, such as the PDFs of {@code pdf/}), with
     * what Asciidoctor logs on this thread meanwhile added to {@code problems} as "file:line: message".
     */
    public <T> T onRuntime(List<String> problems, java.util.function.Function<Asciidoctor, T> work) {
        pdfProblems.set(problems);
        try {
            return work.apply(asciidoctor);
        } finally {
            pdfProblems.remove();
        }
    }

    /** Reads only the header (title and attributes) of a document: for commands that need no HTML. */
    ConvertedDocument readHeader(DocumentSource source) {
        if (ExpansionBudget.check(source.path(), source.text(), includeJail(source)).isPresent()) return unconverted(source);
        Options options = Options.builder().safe(SafeMode.SAFE).baseDir(includeJail(source).toFile())
                .attributes(Attributes.builder().attribute("docfile", source.path().toAbsolutePath().toString()).build())
                .option("parse_header_only", true).build();
        Document document = asciidoctor.load(source.text(), options);
        String title = document.getDoctitle() == null ? source.file() : asPlainText(document.getDoctitle());
        return new ConvertedDocument(source, title, "", headerOf(document), List.of(), List.of());
    }

    Result convert(DocumentSource source, ArtifactIndex artifacts) {
        Optional<Finding> tooLarge = ExpansionBudget.check(source.path(), source.text(), includeJail(source));
        if (tooLarge.isPresent()) return new Result(unconverted(source), List.of(tooLarge.get()));
        // Read before the conversion starts, so that what the header's parse logs is reported once, by the conversion.
        boolean japanese = language(source).startsWith(JAPANESE);
        Conversion conversion = new Conversion(source, artifacts);
        current.set(conversion);
        try {
            Path docDir = source.path().getParent();
            String rootPrefix = "../".repeat((int) source.pagePath().chars().filter(c -> c == '/').count());
            var builder = Attributes.builder()
                    .attribute("docfile", source.path().toAbsolutePath().toString())
                    .attribute("docdir", docDir.toString())
                    .attribute("attribute-missing", "warn")
                    .attribute("sectanchors", "")
                    .attribute("idprefix", "")
                    .attribute("idseparator", "-")
                    .attribute("nexehrs-site-root", rootPrefix)
                    .attribute("lang", JAPANESE + SOFT)
                    .showTitle(false);
            if (japanese) JAPANESE_CAPTIONS.forEach((name, caption) -> builder.attribute(name, caption + SOFT));
            Attributes attributes = builder.build();
            Options options = Options.builder()
                    .safe(SafeMode.SAFE)
                    .baseDir(includeJail(source).toFile())
                    .standalone(false)
                    .sourcemap(true)
                    .attributes(attributes)
                    .build();
            Document document = asciidoctor.load(source.text(), options);
            String raw = document.convert();
            List<String> dangers = htmlPolicy.dangers(raw);
            if (!dangers.isEmpty()) {
                conversion.findings.add(Finding.error(source.file(), lineOfDanger(source.text(), dangers), 0,
                        "HTML that would run in readers' browsers is not allowed (" + String.join(", ", dangers)
                                + "): remove the raw HTML passthrough"));
            }
            String html = htmlPolicy.clean(raw);
            String title = document.getDoctitle() == null ? source.file() : asPlainText(document.getDoctitle());
            if (document.getDoctitle() == null) {
                conversion.findings.add(Finding.error(source.file(), 1, 1, "the document has no title: start it with '= Title'"));
            }
            ConvertedDocument.Header header = headerOf(document);
            List<ConvertedDocument.Heading> headings = new ArrayList<>();
            collectHeadings(document, headings);
            ConvertedDocument converted = new ConvertedDocument(source, title, html, header, headings,
                    conversion.linkedArtifacts.stream().distinct().toList());
            return new Result(converted, List.copyOf(conversion.findings));
        } finally {
            current.remove();
        }
    }

    private static final String JAPANESE = "ja";
    /** Asciidoctor's mark of a default the document may override in its header. */
    private static final String SOFT = "@";
    /**
     * The captions of a Japanese document (admonition labels, figure and table captions), as Asciidoctor's own
     * Japanese translation names them; a document may still set any of them in its header.
     */
    private static final java.util.Map<String, String> JAPANESE_CAPTIONS = java.util.Map.ofEntries(
            java.util.Map.entry("note-caption", "注記"), java.util.Map.entry("tip-caption", "ヒント"),
            java.util.Map.entry("important-caption", "重要"), java.util.Map.entry("warning-caption", "警告"),
            java.util.Map.entry("caution-caption", "注意"), java.util.Map.entry("figure-caption", "図"),
            java.util.Map.entry("table-caption", "表"), java.util.Map.entry("example-caption", "例"),
            java.util.Map.entry("appendix-caption", "付録"), java.util.Map.entry("toc-title", "目次"),
            java.util.Map.entry("version-label", "版"), java.util.Map.entry("last-update-label", "最終更新"),
            java.util.Map.entry("untitled-label", "無題"));

    /** The document's language: its header's {@code :lang:}, Japanese when it says none. */
    private String language(DocumentSource source) {
        Options options = Options.builder().safe(SafeMode.SAFE).baseDir(includeJail(source).toFile())
                .attributes(Attributes.builder().attribute("docfile", source.path().toAbsolutePath().toString())
                        .attribute("lang", JAPANESE + SOFT).build())
                .option("parse_header_only", true).build();
        Object lang = asciidoctor.load(source.text(), options).getAttribute("lang");
        return lang == null ? JAPANESE : lang.toString().toLowerCase(Locale.ROOT);
    }

    /** The first line holding one of the dangers ("<script> element", "onerror= event handler ..."), else 1. */
    static int lineOfDanger(String text, List<String> dangers) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String danger : dangers) {
            String needle = danger.split(" ", 2)[0].replace(">", "").toLowerCase(Locale.ROOT);
            int at = lower.indexOf(needle);
            if (at >= 0) return jp.nexehrs.util.TextPositions.lineAt(text, at);
        }
        return 1;
    }

    /** A document that is not given to Asciidoctor: no text, no header. */
    private static ConvertedDocument unconverted(DocumentSource source) {
        return new ConvertedDocument(source, source.file(), "", new ConvertedDocument.Header("", "", "", ""), List.of(), List.of());
    }

    /** The document's own project's spec/: each version written out of Git is jailed in its own tree. */
    private static Path includeJail(DocumentSource source) {
        return source.projectRoot().resolve(jp.nexehrs.load.ProjectLoader.SPEC_DIR);
    }

    private Conversion currentConversion() {
        return current.get();
    }

    private void onLog(LogRecord record) {
        Conversion conversion = current.get();
        List<String> pdf = pdfProblems.get();
        if (conversion == null && pdf != null) {
            String where = record.getCursor() == null ? "" : record.getCursor().getFile() + ":" + record.getCursor().getLineNumber() + ": ";
            pdf.add(where + record.getMessage());
        }
        if (conversion == null) return;
        int line = record.getCursor() == null ? 0 : record.getCursor().getLineNumber();
        String file = conversion.source.file();
        if (record.getCursor() != null && record.getCursor().getFile() != null) {
            Path logged = Path.of(record.getCursor().getFile());
            Path projectRoot = conversion.source.projectRoot();
            if (logged.isAbsolute() && logged.startsWith(projectRoot)) {
                file = projectRoot.relativize(logged).toString().replace('\\', '/');
            }
        }
        String message = record.getMessage();
        // the check stage reports skipped heading levels itself, with the HTML levels readers get (h2, h4)
        if (message.startsWith("section title out of sequence")) return;
        conversion.findings.add(new Finding(severityOf(record, message), file, Math.max(line, 0), 0, "", "asciidoctor",
                inProjectWords(message, conversion.source.projectRoot())));
    }

    /**
     * Asciidoctor's message as the editor needs it: paths relative to the project, no "recovering automatically"
     * (what it recovers to is a loss the editor must fix), and what to do for the messages editors meet.
     */
    static String inProjectWords(String message, Path projectRoot) {
        String text = message.replace(projectRoot.toAbsolutePath().normalize() + java.io.File.separator, "")
                .replace("; recovering automatically", "");
        java.util.regex.Matcher jail = java.util.regex.Pattern.compile("^(.*?) (?:is outside of jail|has illegal reference to ancestor of jail)(?: root)?$")
                .matcher(text);
        if (jail.matches()) {
            return jail.group(1) + " leads outside spec/: only files inside spec/ are read; move the file into spec/ and refer to it from there";
        }
        if (text.startsWith("table missing leading separator")) {
            return "the table does not start with '|', so the text before the first '|' is lost: start the first cell with '|'";
        }
        if (text.startsWith("maximum include depth")) {
            return text + " (a file that includes itself, directly or through others): remove the loop";
        }
        return text;
    }

    /** Content that silently disappears from the page is an error; style advice stays a warning. */
    private static Severity severityOf(LogRecord record, String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("include file") || lower.contains("outside of jail") || lower.contains("missing attribute")
                || lower.contains("include depth")
                || lower.contains("unresolved directive")) {
            return Severity.ERROR;
        }
        return switch (record.getSeverity()) {
            case ERROR, FATAL -> Severity.ERROR;
            case WARN -> Severity.WARNING;
            default -> Severity.INFORMATION;
        };
    }

    private static ConvertedDocument.Header headerOf(Document document) {
        return new ConvertedDocument.Header(attribute(document, "revnumber"), attribute(document, "nexehrs-status"),
                attribute(document, "nexehrs-owner"), attribute(document, "description"));
    }

    private static void collectHeadings(StructuralNode node, List<ConvertedDocument.Heading> headings) {
        for (StructuralNode child : node.getBlocks()) {
            if (child instanceof Section section) {
                headings.add(new ConvertedDocument.Heading(section.getId(), asPlainText(section.getTitle()), section.getLevel()));
                collectHeadings(section, headings);
            }
        }
    }

    private static String attribute(Document document, String name) {
        Object value = document.getAttribute(name);
        return value == null ? "" : value.toString().trim();
    }

    /**
     * A title as plain text: Asciidoctor gives it as HTML (tags, and {@code &amp;} for {@code &}); the templates
     * escape it once when they place it, so here it must be text, or {@code &amp;amp;} reaches the page.
     */
    private static String asPlainText(String html) {
        return org.jsoup.parser.Parser.unescapeEntities(html.replaceAll("<[^>]*>", ""), false);
    }

    @Override
    public void close() {
        asciidoctor.close();
    }
}

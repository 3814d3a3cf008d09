package jp.nexehrs.compose;

import freemarker.template.TemplateException;
import jp.nexehrs.report.NexehrsException;

/** A template that does not render: names the template and the page, for the site's maintainers (a content error). */
public final class TemplateFailure extends NexehrsException {
    private static final String TEMPLATES = "site-template/templates/";

    private TemplateFailure(String file, int line, int column, String message, Throwable cause) {
        super(Kind.CONTENT, file, line, column, message, cause);
    }

    static TemplateFailure of(String template, String page, TemplateException cause) {
        return new TemplateFailure(TEMPLATES + template, lineOf(cause.getLineNumber()), lineOf(cause.getColumnNumber()),
                "template " + template + " failed for page " + page + ": " + cause.getMessageWithoutStackTop(), cause);
    }

    static TemplateFailure of(String template, String page, freemarker.core.ParseException cause) {
        return new TemplateFailure(TEMPLATES + template, cause.getLineNumber(), cause.getColumnNumber(),
                TEMPLATES + template + ":" + cause.getLineNumber() + ":" + cause.getColumnNumber()
                        + ": template syntax error (page " + page + "): " + cause.getEditorMessage(), cause);
    }

    private static int lineOf(Integer position) {
        return position == null ? 0 : position;
    }

    /** Carries a failure out of rendering that runs inside callbacks (the sidebar); {@link SiteComposer} unwraps it. */
    static final class Unchecked extends RuntimeException {
        private final TemplateFailure failure;

        Unchecked(TemplateFailure failure) {
            super(failure.getMessage(), failure);
            this.failure = failure;
        }

        TemplateFailure failure() {
            return failure;
        }
    }
}

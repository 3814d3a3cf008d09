package jp.nexehrs.publish;

import jp.nexehrs.report.NexehrsException;

/** The output could not be written (read-only folder, full disk): the previous output is left as it was. */
public class PublishException extends NexehrsException {
    public PublishException(String message, Throwable cause) {
        super(Kind.USAGE_OR_ENVIRONMENT, message, cause);
    }
}

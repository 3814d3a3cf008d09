package jp.nexehrs.load;

import jp.nexehrs.report.NexehrsException;

/** {@code nexehrs init} cannot write nexehrs.yaml where it was asked to (exit 2): the file exists, or the folder is no guide. */
public class InitRefusedException extends NexehrsException {
    public InitRefusedException(String message, Throwable cause) {
        super(Kind.USAGE_OR_ENVIRONMENT, message, cause);
    }
}

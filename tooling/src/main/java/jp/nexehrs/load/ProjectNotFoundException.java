package jp.nexehrs.load;

import jp.nexehrs.report.NexehrsException;

/** The folder given is not a nexehrs project (no nexehrs.yaml): a usage error, not a content error. */
public class ProjectNotFoundException extends NexehrsException {
    public ProjectNotFoundException(String message) {
        super(Kind.USAGE_OR_ENVIRONMENT, message, null);
    }
}

package jp.nexehrs.node;

import jp.nexehrs.report.NexehrsException;

/** Node.js or npm is not on the machine, too old, or could not install a pinned tool: the environment's failure (exit 2). */
public final class NodeUnavailableException extends NexehrsException {
    public NodeUnavailableException(String message) {
        super(Kind.USAGE_OR_ENVIRONMENT, message, null);
    }
}

package jp.nexehrs.validation;

import jp.nexehrs.report.NexehrsException;

/** {@code --profile} names no profile of the given packages (nor of FHIR R4): a usage error, exit 2. */
public final class UnknownProfileException extends NexehrsException {
    UnknownProfileException(String message) {
        super(Kind.USAGE_OR_ENVIRONMENT, message, null);
    }
}

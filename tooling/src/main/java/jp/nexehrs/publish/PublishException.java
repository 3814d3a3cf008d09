package jp.nexehrs.publish;

/** The output could not be written (read-only folder, full disk): the previous output is left as it was. */
public class PublishException extends Exception {
    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}

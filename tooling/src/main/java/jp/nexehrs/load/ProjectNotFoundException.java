package jp.nexehrs.load;

/** The folder given is not a nexehrs project (no nexehrs.yaml): a usage error, not a content error. */
public class ProjectNotFoundException extends Exception {
    public ProjectNotFoundException(String message) {
        super(message);
    }
}

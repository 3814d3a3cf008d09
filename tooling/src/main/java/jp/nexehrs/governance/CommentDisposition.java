package jp.nexehrs.governance;

/**
 * One public comment and its resolution.
 *
 * @param id          the comment's number within the document (e.g. C-001)
 * @param section     the section commented on
 * @param commenter   who sent it (may be empty when anonymous)
 * @param resolution  what was changed, or why not
 */
public record CommentDisposition(String id, String section, String commenter, String comment,
                                 Disposition disposition, String resolution, Origin origin) {
    public CommentDisposition {
        commenter = commenter == null ? "" : commenter;
        resolution = resolution == null ? "" : resolution;
    }
}

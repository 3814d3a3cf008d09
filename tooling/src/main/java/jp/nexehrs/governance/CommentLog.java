package jp.nexehrs.governance;

import java.util.List;

/** The public-comment dispositions of one document ({@code governance/comments/<document>.yaml}). */
public record CommentLog(String document, String version, List<CommentDisposition> dispositions, Origin origin) {
    public CommentLog {
        version = version == null ? "" : version;
        dispositions = List.copyOf(dispositions);
    }
}

package jp.nexehrs.governance;

import java.util.List;

/**
 * A committee (部会) or working group (WG), the documents it owns, and its leader.
 *
 * @param name      the name documents use in {@code :nexehrs-owner:} (e.g. 基盤技術部会, 共用WG)
 * @param parent    for a WG, the committee it sits under; null for a committee
 * @param leader    部会長 or WG リーダ
 * @param documents ids of the documents it owns (file names without extension)
 */
public record Body(String name, String englishName, BodyKind kind, String parent, Leader leader,
                   List<String> documents, Origin origin) {
    public Body {
        documents = List.copyOf(documents);
    }

    /** A leader: the member organisation and the person's name. */
    public record Leader(String member, String person, Origin origin) {
    }

    /** The committee whose full members decide this body's drafts: itself, or the committee a WG sits under. */
    public String decidingCommittee() {
        return kind == BodyKind.COMMITTEE ? name : parent;
    }
}

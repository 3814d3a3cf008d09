package jp.nexehrs.compose;

/** The names of the site's download archives besides the package: the produce stage writes them, pages link to them. */
public final class Downloads {
    /** Every conformance resource (profiles with snapshots, extensions, value sets, code systems) as JSON. */
    public static final String DEFINITIONS = "definitions.json.zip";
    /** Every example as JSON. */
    public static final String EXAMPLES = "examples.json.zip";

    private Downloads() {
    }
}

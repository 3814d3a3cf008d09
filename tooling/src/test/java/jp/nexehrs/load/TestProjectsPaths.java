package jp.nexehrs.load;

import java.nio.file.Path;

/** Fixture projects read in place by load tests that do not write into them. */
final class TestProjectsPaths {
    static final Path IG_LAYOUT = Path.of("src/test/resources/projects/ig-layout");

    private TestProjectsPaths() {
    }
}

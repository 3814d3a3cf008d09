package jp.nexehrs.history;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SemanticVersionTest {
    @Test
    void ordersAsVersionsNotAsText() {
        List<String> sorted = Stream.of("v1.10.0", "1.2.0", "v1.3.0-ballot1", "1.3.0", "1.3.0-ballot10", "1.3.0-ballot.2", "1.3.0-ballot.10", "v0.9.1")
                .map(t -> SemanticVersion.parse(t).orElseThrow()).sorted().map(SemanticVersion::text).toList();
        assertEquals(List.of("0.9.1", "1.2.0", "1.3.0-ballot.2", "1.3.0-ballot.10", "1.3.0-ballot1", "1.3.0-ballot10", "1.3.0", "1.10.0"), sorted);
    }

    @Test
    void onlyTagsThatLookLikeVersionsAreVersions() {
        for (String tag : List.of("release", "v1.2", "1.2.0.1", "V1.2.0", "01.2.0", "draft-1.0.0")) {
            assertTrue(SemanticVersion.parse(tag).isEmpty(), tag);
        }
        assertTrue(SemanticVersion.parse("1.3.0-ballot1").orElseThrow().isPreRelease());
        SemanticVersion withBuild = SemanticVersion.parse("v1.2.0+build.5").orElseThrow();
        assertEquals("1.2.0+build.5", withBuild.text());
        assertEquals(0, withBuild.compareTo(SemanticVersion.parse("1.2.0").orElseThrow()), "build metadata does not order");
    }
}

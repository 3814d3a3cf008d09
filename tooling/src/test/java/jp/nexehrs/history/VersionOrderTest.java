package jp.nexehrs.history;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Version order and status as semver and the FHIR package-list define them, with each comparison checked in both
 * directions (a sort of versions already in order proves nothing).
 */
class VersionOrderTest {
    private static SemanticVersion v(String text) {
        return SemanticVersion.parse(text).orElseThrow(() -> new AssertionError("not a version: " + text));
    }

    private static void assertBefore(String earlier, String later) {
        assertTrue(v(earlier).compareTo(v(later)) < 0, earlier + " comes before " + later);
        assertTrue(v(later).compareTo(v(earlier)) > 0, later + " comes after " + earlier);
    }

    @Test
    void numbersAreComparedAsNumbersAtEveryLevel() {
        assertBefore("1.2.0", "1.10.0");
        assertBefore("2.0.0", "10.0.0");
        assertBefore("1.0.2", "1.0.10");
        assertBefore("1.9.9", "2.0.0");
        assertEquals(0, v("1.2.3").compareTo(v("v1.2.3")));
    }

    @Test
    void aPreReleaseComesBeforeItsRelease() {
        assertBefore("1.3.0-ballot1", "1.3.0");
        assertBefore("1.2.0", "1.3.0-ballot1");
    }

    @Test
    void numericPreReleasePartsAreComparedAsNumbers() {
        assertBefore("1.0.0-rc.2", "1.0.0-rc.10");
        assertBefore("1.0.0-9", "1.0.0-10");
        assertBefore("1.0.0-2.1", "1.0.0-2.2");
        assertEquals(0, v("1.0.0-rc.2").compareTo(v("1.0.0-rc.2")));
    }

    @Test
    void numericPartsComeBeforeTextPartsAndTextIsComparedAsText() {
        assertBefore("1.0.0-1", "1.0.0-alpha");
        assertBefore("1.0.0-alpha.9", "1.0.0-alpha.beta");
        assertBefore("1.0.0-alpha", "1.0.0-beta");
        assertBefore("1.0.0-ballot1", "1.0.0-ballot2");
    }

    @Test
    void moreIdentifiersComeLaterWhenTheCommonOnesAreEqual() {
        assertBefore("1.0.0-alpha", "1.0.0-alpha.1");
        assertBefore("1.0.0-alpha.1", "1.0.0-alpha.1.1");
    }

    @Test
    void onlyAVersionWithAPreReleasePartIsAPreRelease() {
        assertFalse(v("1.3.0").isPreRelease());
        assertFalse(v("v1.3.0+build.7").isPreRelease(), "build metadata is not a pre-release");
        assertTrue(v("1.3.0-ballot1").isPreRelease());
        assertEquals(List.of("rc", "1"), v("2.0.0-rc.1").preRelease());
        assertEquals("2.0.0-rc.1", v("v2.0.0-rc.1").toString(), "without the leading v");
        assertEquals(3, v("3.4.5").major());
        assertEquals(4, v("3.4.5").minor());
        assertEquals(5, v("3.4.5").patch());
    }

    @Test
    void aNumberTooLargeForAVersionIsNotAVersion() {
        assertTrue(SemanticVersion.parse("99999999999.0.0").isEmpty());
    }

    @Test
    void packageListStatusIsCiBuildBallotOrTrialUse() {
        Instant date = Instant.parse("2026-01-01T00:00:00Z");
        Version current = new Version(Version.CURRENT, "", "0123456789abcdef", date, "", null);
        Version ballot = new Version("1.3.0-ballot1", "v1.3.0-ballot1", "abc", date, "", v("1.3.0-ballot1"));
        Version release = new Version("1.3.0", "v1.3.0", "abc", date, "notes", v("1.3.0"));
        assertTrue(current.isCurrent());
        assertFalse(release.isCurrent());
        assertEquals("ci-build", current.status());
        assertEquals("ballot", ballot.status());
        assertEquals("trial-use", release.status());
        assertEquals("0123456", current.shortCommit());
        assertEquals("abc", release.shortCommit(), "a short id stays as it is");
    }

    @Test
    void aFileChangeShowsItsShortCommitAndUtcDay() {
        FileChange change = new FileChange("fedcba9876543210", Instant.parse("2026-03-31T23:30:00Z"));
        assertEquals("fedcba9", change.shortCommit());
        assertEquals("2026-03-31", change.day(), "UTC, not the machine's zone");
        assertEquals("1234567", new FileChange("1234567", Instant.EPOCH).shortCommit());
        FileHistory history = new FileHistory(Map.of("spec/a.adoc", change));
        assertEquals(change, history.lastChange("spec/a.adoc").orElseThrow());
        assertTrue(history.lastChange("spec/b.adoc").isEmpty());
        assertTrue(history.unavailableBecause().isEmpty());
        assertEquals("shallow", FileHistory.unavailable("shallow").unavailableBecause().orElseThrow());
        assertTrue(FileHistory.NONE.lastChanges().isEmpty());
    }
}

package jp.nexehrs.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version number as Semantic Versioning 2.0.0 orders it: 1.10.0 after 1.2.0, a pre-release
 * ({@code 1.3.0-ballot1}) before its release, numeric pre-release parts compared as numbers. Build metadata
 * ({@code +...}) is kept in the text but ignored for order, as semver says.
 */
public record SemanticVersion(int major, int minor, int patch, List<String> preRelease, String text)
        implements Comparable<SemanticVersion> {
    private static final Pattern SEMVER = Pattern.compile(
            "v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

    public SemanticVersion {
        preRelease = List.copyOf(preRelease);
    }

    /** A tag name such as {@code v1.2.0}, {@code 1.2.0} or {@code 1.3.0-ballot1}; empty for anything else. */
    public static Optional<SemanticVersion> parse(String tagName) {
        Matcher m = SEMVER.matcher(tagName);
        if (!m.matches()) return Optional.empty();
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        String text = tagName.startsWith("v") ? tagName.substring(1) : tagName;
        try {
            return Optional.of(new SemanticVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), pre, text));
        } catch (NumberFormatException e) {
            return Optional.empty(); // a number too large for a version is not a version tag
        }
    }

    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) c = Integer.compare(minor, other.minor);
        if (c == 0) c = Integer.compare(patch, other.patch);
        if (c != 0) return c;
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        List<String> a = new ArrayList<>(preRelease);
        List<String> b = new ArrayList<>(other.preRelease);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            c = comparePart(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int comparePart(String a, String b) {
        boolean numericA = a.chars().allMatch(Character::isDigit);
        boolean numericB = b.chars().allMatch(Character::isDigit);
        if (numericA && numericB) return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
        if (numericA) return -1;
        if (numericB) return 1;
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        return text;
    }
}

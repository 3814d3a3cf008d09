package jp.nexehrs.report.format;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How many resources were checked against each profile, for the summary line: {@code minimal-patient (2)}. */
public final class ProfileTally {
    private ProfileTally() {
    }

    public static List<String> of(List<CheckedResource> resources) {
        Map<String, Integer> counts = new TreeMap<>();
        for (CheckedResource resource : resources) {
            for (String profile : resource.profiles()) counts.merge(profile, 1, Integer::sum);
        }
        return counts.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
    }
}

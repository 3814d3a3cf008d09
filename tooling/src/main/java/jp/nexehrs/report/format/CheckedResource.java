package jp.nexehrs.report.format;

import java.util.List;

/**
 * One validated resource and the profiles it was checked against (canonical URLs; the base resource's definition
 * when no profile applied). {@code line} is its line in an NDJSON file, 0 for a whole file.
 */
public record CheckedResource(String file, int line, String resourceType, List<String> profiles) {
    public CheckedResource {
        profiles = List.copyOf(profiles);
        resourceType = resourceType == null ? "" : resourceType;
    }
}

package jp.nexehrs.load;

import jp.nexehrs.report.SourceException;

import java.util.regex.Pattern;

/** Checks the values in nexehrs.yaml that YAML typing cannot. */
final class ConfigValidator {
    static final String FILE = "nexehrs.yaml";
    private static final Pattern PACKAGE_ID = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)+");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
    private static final java.util.Set<String> STATUSES = java.util.Set.of("draft", "active", "retired");

    /** The file's text, to name the line of the key a message is about. */
    private final String text;

    ConfigValidator(String text) {
        this.text = text;
    }

    void validate(ProjectConfig config) throws SourceException {
        require(config.id(), "id");
        require(config.canonical(), "canonical");
        require(config.version(), "version");
        if (!PACKAGE_ID.matcher(config.id()).matches()) {
            fail("id", "id '" + config.id() + "' is not a FHIR package id (lower case, dot separated, e.g. jp.nexehrs.plan)");
        }
        if (!VERSION.matcher(config.version()).matches()) {
            fail("version", "version '" + config.version() + "' is not a semantic version such as 1.2.0 or 1.3.0-ballot1");
        }
        if (!"4.0.1".equals(config.fhirVersion())) {
            fail("fhirVersion", "fhirVersion '" + config.fhirVersion() + "' is not supported: this toolchain builds FHIR R4 (4.0.1)");
        }
        if (!config.canonical().matches("https?://[^\\s]+") || config.canonical().endsWith("/")) {
            fail("canonical", "canonical '" + config.canonical() + "' must be an http(s) URL without a trailing slash");
        }
        if (!STATUSES.contains(config.status())) {
            fail("status", "status '" + config.status() + "' must be one of " + STATUSES);
        }
        for (Suppression suppression : config.suppress()) {
            if (suppression.reason() == null || suppression.reason().isBlank()) fail("suppress", "every suppress entry needs a reason");
            if (suppression.message() == null || suppression.message().isBlank()) fail("suppress", "every suppress entry needs a message to match");
        }
        for (ProjectConfig.Dependency dependency : config.dependencies()) {
            if (!PACKAGE_ID.matcher(dependency.id()).matches()) fail("dependencies", "dependency id '" + dependency.id() + "' is not a FHIR package id");
        }
    }

    private void require(String value, String key) throws SourceException {
        if (value == null || value.isBlank()) fail(key, "'" + key + "' must not be empty");
    }

    /** Fails on the line where {@code key} is written at the top level (1 when it is not). */
    private void fail(String key, String message) throws SourceException {
        java.util.regex.Matcher at = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*:").matcher(text);
        throw new SourceException(FILE, at.find() ? jp.nexehrs.util.TextPositions.lineAt(text, at.start()) : 1, 0, message);
    }
}

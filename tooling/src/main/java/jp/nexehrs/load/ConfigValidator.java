package jp.nexehrs.load;

import jp.nexehrs.report.SourceException;

import java.util.regex.Pattern;

/** Checks the values in nexehrs.yaml that YAML typing cannot. */
final class ConfigValidator {
    static final String FILE = "nexehrs.yaml";
    private static final Pattern PACKAGE_ID = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)+");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
    private static final java.util.Set<String> STATUSES = java.util.Set.of("draft", "active", "retired");

    void validate(ProjectConfig config) throws SourceException {
        require(config.id(), "id");
        require(config.canonical(), "canonical");
        require(config.version(), "version");
        if (!PACKAGE_ID.matcher(config.id()).matches()) {
            fail("id '" + config.id() + "' is not a FHIR package id (lower case, dot separated, e.g. jp.nexehrs.plan)");
        }
        if (!VERSION.matcher(config.version()).matches()) {
            fail("version '" + config.version() + "' is not a semantic version such as 1.2.0 or 1.3.0-ballot1");
        }
        if (!"4.0.1".equals(config.fhirVersion())) {
            fail("fhirVersion '" + config.fhirVersion() + "' is not supported: this toolchain builds FHIR R4 (4.0.1)");
        }
        if (!config.canonical().matches("https?://[^\\s]+") || config.canonical().endsWith("/")) {
            fail("canonical '" + config.canonical() + "' must be an http(s) URL without a trailing slash");
        }
        if (!STATUSES.contains(config.status())) {
            fail("status '" + config.status() + "' must be one of " + STATUSES);
        }
        for (Suppression suppression : config.suppress()) {
            if (suppression.reason() == null || suppression.reason().isBlank()) fail("every suppress entry needs a reason");
            if (suppression.message() == null || suppression.message().isBlank()) fail("every suppress entry needs a message to match");
        }
        for (ProjectConfig.Dependency dependency : config.dependencies()) {
            if (!PACKAGE_ID.matcher(dependency.id()).matches()) fail("dependency id '" + dependency.id() + "' is not a FHIR package id");
        }
    }

    private static void require(String value, String key) throws SourceException {
        if (value == null || value.isBlank()) fail("'" + key + "' must not be empty");
    }

    private static void fail(String message) throws SourceException {
        throw new SourceException(FILE, 0, 0, message);
    }
}

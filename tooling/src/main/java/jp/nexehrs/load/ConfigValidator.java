package jp.nexehrs.load;

import jp.nexehrs.report.Finding;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.util.TextPositions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the values of the configuration (nexehrs.yaml or sushi-config.yaml) that YAML typing cannot. What makes a build impossible is an error; what only
 * breaks a naming convention that published guides do not all follow (package ids with capitals, as
 * {@code jp-eCSCLINS.r4}; versions such as {@code 1.x.x-temp}) is a warning.
 */
final class ConfigValidator {
    private static final Pattern PACKAGE_ID = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)+");
    /** What npm and the FHIR package cache accept at all: no spaces, no path separators, no '#'. */
    private static final Pattern USABLE_PACKAGE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Set<String> STATUSES = Set.of("draft", "active", "retired");

    private final String file;
    private final String configText;

    /**
     * @param file       the configuration's file as messages name it (nexehrs.yaml, or sushi-config.yaml)
     * @param configText the file as written, to name the line of each value
     */
    ConfigValidator(String file, String configText) {
        this.file = file;
        this.configText = configText;
    }

    /** @return warnings on values that break a convention; throws on values no build can use */
    List<Finding> validate(ProjectConfig config) throws SourceException {
        require(config.id(), "id");
        require(config.canonical(), "canonical");
        require(config.version(), "version");
        List<Finding> warnings = new ArrayList<>();
        checkPackageId(config.id(), "id", keyLine("id"), warnings);
        if (!VERSION.matcher(config.version()).matches()) {
            warnings.add(Finding.warning(file, keyLine("version"), 0, "version '" + config.version() + "' is not a semantic version"
                    + " such as 1.2.0 or 1.3.0-ballot1: package tools may order it wrongly"));
        }
        if (!"4.0.1".equals(config.fhirVersion())) {
            fail("fhirVersion", "fhirVersion '" + config.fhirVersion() + "' is not supported: this toolchain builds FHIR R4 (4.0.1)");
        }
        if (!URL.matcher(config.canonical()).matches() || config.canonical().endsWith("/")) {
            fail("canonical", "canonical '" + config.canonical() + "' must be an http(s) URL without a trailing slash");
        }
        for (String base : config.canonicals()) {
            if (base == null || !URL.matcher(base).matches()) {
                fail("canonicals", "canonicals: '" + base + "' is not an http(s) URL");
            }
        }
        if (!STATUSES.contains(config.status())) {
            fail("status", "status '" + config.status() + "' must be one of " + STATUSES);
        }
        if (config.language() != null && !LANGUAGE.matcher(config.language()).matches()) {
            fail("language", "language '" + config.language() + "' is not a language tag such as ja or en-US");
        }
        if (config.jurisdiction() != null && !COUNTRY.matcher(config.jurisdiction()).matches()) {
            fail("jurisdiction", "jurisdiction '" + config.jurisdiction() + "' is not a two-letter ISO 3166 country code such as JP");
        }
        for (ProjectConfig.Contact contact : config.contact()) {
            if (contact == null || (contact.name() == null && contact.email() == null && contact.url() == null)) {
                fail("contact", "every contact entry needs a name, an email or a url");
            }
        }
        for (Suppression suppression : config.suppress()) {
            if (suppression.reason() == null || suppression.reason().isBlank()) fail("suppress", "every suppress entry needs a reason");
            if (suppression.message() == null || suppression.message().isBlank()) fail("suppress", "every suppress entry needs a message to match");
        }
        for (ProjectConfig.Dependency dependency : config.dependencies()) {
            checkPackageId(dependency.id(), "dependency id", TextPositions.lineOf(configText, dependency.id()), warnings);
        }
        return warnings;
    }

    private void checkPackageId(String id, String what, int line, List<Finding> warnings) throws SourceException {
        if (!USABLE_PACKAGE_ID.matcher(id).matches()) {
            throw new SourceException(file, line, 0, what + " '" + id + "' cannot name a package: use letters, digits, '.', '-' and '_' only");
        }
        if (!PACKAGE_ID.matcher(id).matches()) {
            warnings.add(Finding.warning(file, line, 0, what + " '" + id + "' does not follow the FHIR package naming convention"
                    + " (lower case, dot separated, e.g. jp.nexehrs.plan)"));
        }
    }

    private void require(String value, String key) throws SourceException {
        if (value == null || value.isBlank()) fail(key, "'" + key + "' must not be empty");
    }

    /** The line where {@code key} is written at the top level (1 when it is not). */
    private int keyLine(String key) {
        Matcher at = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*:").matcher(configText);
        return at.find() ? TextPositions.lineAt(configText, at.start()) : 1;
    }

    private void fail(String key, String message) throws SourceException {
        throw new SourceException(file, keyLine(key), 0, message);
    }
}

package jp.nexehrs.report.format;

import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * What each rule of a SARIF report means, for code scanning's rule list: the FHIR validator's message templates
 * (its own {@code Messages} bundle, with the placeholders shown as "…"), a FHIR invariant's key and the definition it
 * belongs to, and nexehrs's own rules.
 */
final class RuleDescriptions {
    /** A rule's short and full description and where to read more. */
    record Rule(String shortDescription, String fullDescription, String helpUri) {}

    static final String VALIDATION_HELP = "https://hl7.org/fhir/R4/validation.html";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static final Map<String, Rule> OWN = Map.of(
            "profile-unknown", new Rule("A claimed profile is unknown",
                    "The resource claims a profile in meta.profile that is in none of the given packages nor in FHIR R4, so it is not checked against it.",
                    "https://hl7.org/fhir/R4/resource.html#Meta"),
            "no-package-profile", new Rule("No profile of the package applied",
                    "The resource claims none of the given packages' profiles, so it was checked against base FHIR R4 only. Name a profile in meta.profile or with --profile; --require-profile makes this an error.",
                    "https://hl7.org/fhir/R4/profiling.html"),
            "validator-internal-failure", new Rule("The FHIR validator failed internally",
                    "The FHIR validator failed while checking part of the resource; that part is not checked.", VALIDATION_HELP),
            "validator-exception", new Rule("The resource could not be validated",
                    "The FHIR validator could not validate this resource, for the reason given.", VALIDATION_HELP));
    private static final Rule GENERAL = new Rule("A problem nexehrs found",
            "A problem found by nexehrs outside the FHIR validator: a file that cannot be read, a package or configuration problem.",
            "https://hl7.org/fhir/R4/validation.html");
    private final ResourceBundle library = libraryMessages();

    Rule of(String ruleId) {
        if (OWN.containsKey(ruleId)) return OWN.get(ruleId);
        int hash = ruleId.indexOf('#');
        if (hash > 0 && ruleId.startsWith("http")) {
            String definition = ruleId.substring(0, hash);
            String key = ruleId.substring(hash + 1);
            return new Rule("FHIR invariant " + key + " is not met",
                    "The resource breaks the invariant " + key + " of the definition " + definition + ".", definition);
        }
        Optional<String> template = template(ruleId);
        if (template.isPresent()) {
            String text = PLACEHOLDER.matcher(template.get().replace("''", "'")).replaceAll("…");
            return new Rule(firstSentence(text), text + " (FHIR validator message " + ruleId + ")", VALIDATION_HELP);
        }
        return ruleId.equals(SarifFormat.GENERAL_RULE) ? GENERAL
                : new Rule("FHIR validator message " + ruleId, "A problem the FHIR validator reports as " + ruleId + ".", VALIDATION_HELP);
    }

    private Optional<String> template(String key) {
        if (library == null) return Optional.empty();
        for (String candidate : new String[]{key, key + "_other", key + "_one"}) {
            if (library.containsKey(candidate)) return Optional.of(library.getString(candidate));
        }
        return Optional.empty();
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        String sentence = end > 0 ? text.substring(0, end + 1) : text;
        return sentence.length() > 200 ? sentence.substring(0, 199) + "…" : sentence;
    }

    /** The FHIR validator's English message templates (base bundle), or none when the library is absent. */
    private static ResourceBundle libraryMessages() {
        try {
            return ResourceBundle.getBundle("Messages", java.util.Locale.ROOT);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}

package jp.nexehrs.check;

import java.util.List;
import java.util.Optional;

/**
 * A project value set expanded offline, once per build, for its page.
 *
 * @param codes            the expansion, or empty when it needs a code system or value set that is not available
 *                         offline
 * @param unavailable      what was missing, when {@code codes} is empty (e.g. {@code http://loinc.org})
 */
public record ValueSetExpansion(String url, Optional<List<Code>> codes, List<String> unavailable) {
    public ValueSetExpansion {
        codes = codes.map(List::copyOf);
        unavailable = List.copyOf(unavailable);
    }

    public record Code(String system, String code, String display) {
    }
}

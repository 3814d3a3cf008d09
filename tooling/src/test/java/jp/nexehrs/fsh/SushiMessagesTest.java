package jp.nexehrs.fsh;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SUSHI's log read back: errors and warnings with their file and line; information and the summary passed over. */
class SushiMessagesTest {
    @Test
    void errorsAndWarningsKeepTheirFileAndLine() {
        String log = """
                info  Running SUSHI v3.21.0
                warn  Failed to load automatically-provided hl7.terminology.r4#latest
                error extraneous input ')' expecting {<EOF>, KW_ALIAS}
                  File: /tmp/x/project/input/fsh/broken.fsh
                  Line: 5
                \u001B[31merror\u001B[39m Element Patient.birthDate has minimum cardinality 1 but occurs 0 time(s).
                  File: /tmp/x/project/input/fsh/examples.fsh
                  Line: 12 - 19
                warn  Rule set problem
                second line of it
                  File: /tmp/x/project/input/fsh/rulesets.fsh
                  Line: 3
                  Applied in File: /tmp/x/project/input/fsh/profiles.fsh
                  Applied on Line: 40 - 41

                ========================= SUSHI RESULTS ===========================
                | Some-fin went wrong...                 2 Errors      4 Warnings |
                ===================================================================
                """;
        assertEquals(List.of(
                new SushiMessage(false, "Failed to load automatically-provided hl7.terminology.r4#latest", "", 0, "", 0),
                new SushiMessage(true, "extraneous input ')' expecting {<EOF>, KW_ALIAS}", "/tmp/x/project/input/fsh/broken.fsh", 5, "", 0),
                new SushiMessage(true, "Element Patient.birthDate has minimum cardinality 1 but occurs 0 time(s).",
                        "/tmp/x/project/input/fsh/examples.fsh", 12, "", 0),
                new SushiMessage(false, "Rule set problem\nsecond line of it", "/tmp/x/project/input/fsh/rulesets.fsh", 3,
                        "/tmp/x/project/input/fsh/profiles.fsh", 40)), SushiMessages.read(log));
    }
}

package jp.nexehrs.compose;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WCAG 2.1 AA contrast (at least 4.5:1 for body text) of the site's palette, computed from site.css itself:
 * the text colours on the backgrounds they are used on, and every rule that sets both a colour and a background.
 * Runs without a browser; BrowserSiteTest checks the rendered pages too.
 */
class SitePaletteContrastTest {
    private static final Path CSS = Path.of("../site-template/assets/site.css");
    private static final Pattern VARIABLE = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{3,6})");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");

    /** Text colour on background, as variables or literals, where the page puts text on it. */
    private static final List<String[]> PAGE_PAIRS = List.of(
            new String[] {"var(--fg)", "var(--bg)"}, new String[] {"var(--muted)", "var(--bg)"}, new String[] {"var(--muted)", "var(--soft)"},
            new String[] {"var(--accent)", "var(--bg)"}, new String[] {"var(--accent)", "var(--soft)"}, new String[] {"var(--fg)", "var(--soft)"},
            new String[] {"var(--error)", "var(--bg)"}, new String[] {"var(--warning)", "var(--bg)"},
            new String[] {"#fff", "var(--accent)"}, new String[] {"var(--muted)", "#fafbfc"}, new String[] {"var(--fg)", "#fff2a8"});

    @Test
    void everyTextAndBackgroundPairOfThePaletteHasAContrastOfAtLeast4point5() throws Exception {
        String css = Files.readString(CSS).replaceAll("(?s)/\\*.*?\\*/", "");
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher variable = VARIABLE.matcher(css);
        while (variable.find()) variables.put("var(--" + variable.group(1) + ")", variable.group(2));

        Map<String, String[]> pairs = new LinkedHashMap<>();
        for (String[] pair : PAGE_PAIRS) pairs.put("text " + pair[0] + " on " + pair[1], pair);
        Matcher rule = RULE.matcher(css);
        while (rule.find()) {
            String color = declaration(rule.group(2), "color");
            String background = declaration(rule.group(2), "background");
            if (background == null) background = declaration(rule.group(2), "background-color");
            if (color != null && background != null) pairs.put(rule.group(1).trim(), new String[] {color, background});
        }
        assertTrue(pairs.size() > PAGE_PAIRS.size(), "rules with a colour and a background are found: " + pairs.keySet());

        List<String> low = new ArrayList<>();
        for (Map.Entry<String, String[]> pair : pairs.entrySet()) {
            String fg = variables.getOrDefault(pair.getValue()[0], pair.getValue()[0]);
            String bg = variables.getOrDefault(pair.getValue()[1], pair.getValue()[1]);
            if (!fg.startsWith("#") || !bg.startsWith("#")) continue; // inherit, gradients: not a solid pair
            double ratio = contrast(fg, bg);
            if (ratio < 4.5) low.add(String.format("%s: %s on %s is %.2f:1", pair.getKey(), fg, bg, ratio));
        }
        assertTrue(low.isEmpty(), "below 4.5:1 (WCAG 2.1 AA):\n" + String.join("\n", low));
    }

    @Test
    void theFormulaAgreesWithWcagsKnownValues() {
        assertTrue(Math.abs(contrast("#000", "#fff") - 21) < 0.01);
        assertTrue(Math.abs(contrast("#777777", "#ffffff") - 4.48) < 0.01);
    }

    private static String declaration(String block, String property) {
        Matcher m = Pattern.compile("(?:^|;)\\s*" + Pattern.quote(property) + "\\s*:\\s*([^;]+)").matcher(block);
        return m.find() ? m.group(1).trim() : null;
    }

    /** WCAG 2.1 contrast ratio of two sRGB colours (#rgb or #rrggbb). */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}

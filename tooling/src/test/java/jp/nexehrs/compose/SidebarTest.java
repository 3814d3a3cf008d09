package jp.nexehrs.compose;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sidebar is rendered once per folder depth and shared: each page only marks its link and opens its group. */
class SidebarTest {
    private final Navigation navigation = new Navigation(
            List.of(new Navigation.DocumentEntry("01-a.html", "A", List.of(new Navigation.Link("01-a.html#x", "X")))),
            List.of(Navigation.Group.of("profiles", "Profiles", List.of(new Navigation.Link("StructureDefinition-p.html", "P")))),
            java.util.Map.of("StructureDefinition-p.html", "profiles"));

    private static String render(String root) {
        return "<details data-nav=\"01-a.html\"><a href=\"" + root + "01-a.html\">A</a><a href=\"" + root + "01-a.html#x\">X</a></details>"
                + "<details data-nav=\"group:profiles\"><a href=\"" + root + "StructureDefinition-p.html\">P</a></details>"
                + "<a href=\"" + root + "qa.html\">QA</a>";
    }

    @Test
    void renderedOncePerDepthAndEachPageMarksOnlyItself() {
        List<String> rendered = new ArrayList<>();
        Sidebar sidebar = new Sidebar(navigation, root -> {
            rendered.add(root);
            return render(root);
        });

        String document = sidebar.forPage("01-a.html", "");
        String profile = sidebar.forPage("StructureDefinition-p.html", "");
        String qa = sidebar.forPage("qa.html", "");
        String nested = sidebar.forPage("sub/02-b.html", "../");

        assertEquals(List.of("", "../"), rendered, "one rendering per depth, whatever the number of pages");
        assertTrue(document.contains("<details data-nav=\"01-a.html\" open>"));
        assertTrue(document.contains("href=\"01-a.html\" aria-current=\"page\""));
        assertTrue(document.contains("href=\"01-a.html#x\">"), "a section link is not the current page");
        assertEquals(1, document.split("aria-current").length - 1);
        assertTrue(profile.contains("<details data-nav=\"group:profiles\" open>"));
        assertTrue(profile.contains("href=\"StructureDefinition-p.html\" aria-current=\"page\""));
        assertTrue(profile.contains("<details data-nav=\"01-a.html\">"), "other groups stay closed");
        assertTrue(qa.contains("href=\"qa.html\" aria-current=\"page\"") && !qa.contains(" open>"));
        assertTrue(nested.contains("href=\"../01-a.html\"") && !nested.contains("aria-current"));
    }

    @Test
    void aLargeGroupListsAFixedNumberSoEveryPageStaysTheSameSizeWhateverTheSiteSize() {
        List<Navigation.Link> many = new ArrayList<>();
        for (int i = 0; i < Navigation.LINKS_PER_GROUP + 5; i++) many.add(new Navigation.Link("Example-" + i + ".html", "E" + i));
        Navigation.Group group = Navigation.Group.of("examples", "Examples", many);
        assertEquals(Navigation.LINKS_PER_GROUP, group.links().size());
        assertEquals(Navigation.LINKS_PER_GROUP + 5, group.total());
        assertTrue(group.truncated());
        assertTrue(!Navigation.Group.of("examples", "Examples", many.subList(0, 3)).truncated());
    }
}

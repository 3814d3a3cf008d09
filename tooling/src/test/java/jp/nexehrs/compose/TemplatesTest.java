package jp.nexehrs.compose;

import freemarker.template.Configuration;
import freemarker.template.Template;
import jp.nexehrs.load.SiteTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The run's templates are parsed once and kept, yet an edited template file is what the next page shows. */
class TemplatesTest {
    @TempDir
    Path root;

    @Test
    void aTemplateIsParsedOnceUntilItsFileChanges() throws Exception {
        Path page = Files.createDirectories(root.resolve("templates")).resolve("page.ftlh");
        Files.writeString(page, "前 ${x}");
        Templates templates = new Templates();
        SiteTemplate site = new SiteTemplate(root);

        Configuration configuration = templates.of(site);
        Template first = configuration.getTemplate("page.ftlh");
        assertSame(configuration, templates.of(new SiteTemplate(root)), "one configuration per template folder");
        assertSame(first, templates.of(site).getTemplate("page.ftlh"), "an unchanged template is not parsed again");
        assertEquals("前 1", render(first));

        Files.writeString(page, "後 ${x}");
        Files.setLastModifiedTime(page, FileTime.fromMillis(Files.getLastModifiedTime(page).toMillis() + 2000));
        Template edited = templates.of(site).getTemplate("page.ftlh");

        assertNotSame(first, edited);
        assertEquals("後 1", render(edited));
    }

    private static String render(Template template) throws Exception {
        StringWriter out = new StringWriter();
        template.process(Map.of("x", 1), out);
        return out.toString();
    }
}

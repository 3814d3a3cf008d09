package jp.nexehrs.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the site's templates ({@code templates/}) and static files ({@code assets/}) are: the project's own
 * {@code site-template/} folder, or the copy built into the toolchain for projects that have none.
 */
public record SiteTemplate(Path root) {
    static final String BUILT_IN = "/site-template/templates/layout.ftlh";

    public Path templates() {
        return root.resolve("templates");
    }

    public Path assets() {
        return root.resolve("assets");
    }

    /** Synchronised: the jar's file system may be opened only once, and a preview and a build may ask together. */
    static synchronized SiteTemplate builtIn() {
        URL marker = SiteTemplate.class.getResource(BUILT_IN);
        if (marker == null) throw new IllegalStateException("the built-in site template is missing from the toolchain");
        try {
            var uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    FileSystems.newFileSystem(uri, Map.of());
                }
            }
            return new SiteTemplate(Path.of(uri).getParent().getParent());
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot open the built-in site template", e));
        }
    }
}

package jp.nexehrs.compose;

import freemarker.cache.URLTemplateLoader;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads templates from a folder on disk or inside the toolchain's jar alike. */
final class PathTemplateLoader extends URLTemplateLoader {
    private final Path root;

    PathTemplateLoader(Path root) {
        this.root = root;
    }

    @Override
    protected URL getURL(String name) {
        Path template = root.resolve(name).normalize();
        if (!template.startsWith(root) || !Files.isRegularFile(template)) return null;
        try {
            return template.toUri().toURL();
        } catch (MalformedURLException e) {
            return null;
        }
    }
}

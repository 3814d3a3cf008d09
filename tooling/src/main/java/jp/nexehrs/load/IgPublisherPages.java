package jp.nexehrs.load;

import jp.nexehrs.fhir.ResourceReader;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.util.TextPositions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages of a guide in the IG Publisher's layout: the Markdown and XHTML pages of {@code input/pagecontent/} in the order and
 * with the titles of the configuration's {@code pages:} (pages it does not list follow, by name), the intros and notes
 * of artifact pages ({@code input/intro-notes/}, and {@code input/pagecontent/} as the IG Publisher also allows), and
 * the images of {@code input/images/}, which the site serves at its root as the IG Publisher does.
 */
final class IgPublisherPages {
    /** {@code StructureDefinition-jp-patient-intro.md}: the artifact's type and id, and where the fragment goes. */
    private static final Pattern FRAGMENT = Pattern.compile("([A-Z][A-Za-z]+)-(.+)-(intro|notes)\\.(md|xml|html)");

    private final Path root;
    private final ProjectConfig config;
    private final PagePaths pagePaths;

    IgPublisherPages(Path root, ProjectConfig config, PagePaths pagePaths) {
        this.root = root;
        this.config = config;
        this.pagePaths = pagePaths;
    }

    /** The pages, in reading order; a page the configuration lists without a file, or one we cannot render, is a finding. */
    List<DocumentSource> pages(List<Finding> findings) {
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path file : ProjectLoader.filesUnder(root.resolve(ProjectLoader.IG_PAGE_DIR), ".md", ".xml", ".html")) {
            String name = file.getFileName().toString();
            if (FRAGMENT.matcher(name).matches() || name.startsWith("_") || !SymlinkGuard.staysInside(root, file)) continue;
            byName.put(name, file);
        }
        List<DocumentSource> pages = new ArrayList<>();
        String configFile = ProjectLoader.configFileOf(root);
        String configText = readQuietly(root.resolve(configFile));
        for (ProjectConfig.Page listed : config.pagesInOrder()) {
            Path file = takeListed(byName, listed.file());
            if (file == null) {
                // A listed .html page the IG Publisher makes itself (toc.html, artifacts.html) has no file: only a missing source is named.
                if (!listed.file().toLowerCase(Locale.ROOT).endsWith(".html")) {
                    findings.add(Finding.warning(configFile, TextPositions.lineOf(configText, listed.file()), 0, "page " + listed.file()
                            + " is listed under pages: but " + ProjectLoader.IG_PAGE_DIR + "/ has no such file: it is left out of the site"));
                }
                continue;
            }
            read(file, listed.title(), findings).ifPresent(pages::add);
        }
        for (Path rest : byName.values()) read(rest, "", findings).ifPresent(pages::add);
        return pages;
    }

    /**
     * The file of a listed page: its own name, else the same page written otherwise (an ImplementationGuide names its pages
     * by their {@code .html} addresses, read as {@code .md}, while the source may be {@code .xml} or {@code .html}).
     */
    private static Path takeListed(Map<String, Path> byName, String listed) {
        Path file = byName.remove(listed);
        if (file != null) return file;
        int dot = listed.lastIndexOf('.');
        String stem = dot > 0 ? listed.substring(0, dot) : listed;
        for (String extension : List.of(".md", ".xml", ".html")) {
            file = byName.remove(stem + extension);
            if (file != null) return file;
        }
        return null;
    }

    /** The intros and notes of artifact pages, in Markdown, XHTML or HTML. */
    List<ArtifactFragment> fragments(List<Finding> findings) {
        List<Path> files = new ArrayList<>(ProjectLoader.filesUnder(root.resolve(ProjectLoader.IG_INTRO_NOTES_DIR), ".md", ".xml", ".html"));
        files.addAll(ProjectLoader.filesUnder(root.resolve(ProjectLoader.IG_PAGE_DIR), ".md", ".xml", ".html"));
        List<ArtifactFragment> fragments = new ArrayList<>();
        for (Path file : files.stream().sorted(Comparator.comparing(Path::toString)).toList()) {
            Matcher name = FRAGMENT.matcher(file.getFileName().toString());
            if (!name.matches() || !SymlinkGuard.staysInside(root, file)) continue;
            ArtifactFragment.Placement placement = name.group(3).equals("intro") ? ArtifactFragment.Placement.INTRO : ArtifactFragment.Placement.NOTES;
            String type = name.group(1);
            String id = name.group(2);
            readAs(file, pagePaths.page(type, id), "", findings)
                    .ifPresent(source -> fragments.add(new ArtifactFragment(type, id, placement, source)));
        }
        return fragments;
    }

    /** The images the pages show, served at the site's root under their own names (subfolders kept). */
    static List<StaticFile> images(Path root) {
        Path images = root.resolve(ProjectLoader.IG_IMAGES_DIR);
        return ProjectLoader.filesUnder(images, "").stream().filter(file -> SymlinkGuard.staysInside(root, file))
                .map(file -> new StaticFile(ProjectLoader.relative(images, file), file)).toList();
    }

    private Optional<DocumentSource> read(Path file, String title, List<Finding> findings) {
        return readAs(file, pagePaths.documentPage(file.getFileName().toString()), title, findings);
    }

    private Optional<DocumentSource> readAs(Path file, String pagePath, String title, List<Finding> findings) {
        String relative = ProjectLoader.relative(root, file);
        try {
            String text = ResourceReader.decodeUtf8(relative, Files.readAllBytes(file));
            DocumentSource.Markup markup = DocumentSource.Markup.ofIgPublisherFile(file.getFileName().toString());
            return Optional.of(new DocumentSource(relative, file, pagePath, text, markup, title));
        } catch (IOException e) {
            findings.add(Finding.error(relative, 0, 0, "cannot read: " + e.getMessage()));
        } catch (SourceException e) {
            findings.add(e.toFinding());
        }
        return Optional.empty();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // only for line numbers: the configuration was read already
        }
    }
}

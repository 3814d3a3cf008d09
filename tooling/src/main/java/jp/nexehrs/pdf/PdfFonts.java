package jp.nexehrs.pdf;

import jp.nexehrs.util.UserHome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Japanese TrueType fonts the PDF engine can embed: Debian's IPAex fonts (fonts-ipaexfont-gothic and
 * -mincho). Noto CJK's OpenType collections are not used: this engine embeds them without extractable text.
 */
public record PdfFonts(Path gothic, Path mincho) {
    /** How a user gets the fonts, shown when they are missing. */
    public static final String INSTALL_HINT = "install the IPAex fonts (Debian/Ubuntu: apt-get install fonts-ipaexfont-gothic fonts-ipaexfont-mincho)"
            + " or set NEXEHRS_PDF_FONTS to a folder holding ipaexg.ttf (and ipaexm.ttf)";

    private static final List<String> SYSTEM_FOLDERS = List.of("/usr/share/fonts/opentype/ipaexfont-gothic",
            "/usr/share/fonts/opentype/ipaexfont-mincho", "/usr/share/fonts/truetype/ipaexfont-gothic",
            "/usr/share/fonts/truetype/ipaexfont-mincho", "/usr/share/fonts/truetype/ipaexfont",
            "/usr/local/share/fonts");
    private static final String MAC_FOLDER = "/Library/Fonts";

    /** The system's font folders, {@code ~/.fonts} of each of the user's homes ({@link UserHome}), then macOS's. */
    private static List<String> folders() {
        return Stream.of(SYSTEM_FOLDERS.stream(), UserHome.folders().stream().map(home -> home.resolve(".fonts").toString()),
                Stream.of(MAC_FOLDER)).flatMap(s -> s).toList();
    }

    /**
     * The fonts from {@code configuredFolder} (NEXEHRS_PDF_FONTS) when one is given, else from the usual font
     * folders; empty when the gothic font is not there.
     */
    public static Optional<PdfFonts> locate(String configuredFolder) {
        List<String> folders = configuredFolder == null || configuredFolder.isBlank() ? folders() : List.of(configuredFolder);
        Optional<Path> gothic = find(folders, "ipaexg.ttf");
        if (gothic.isEmpty()) return Optional.empty();
        return Optional.of(new PdfFonts(gothic.get(), find(folders, "ipaexm.ttf").orElse(gothic.get())));
    }

    private static Optional<Path> find(List<String> folders, String file) {
        return folders.stream().map(folder -> Path.of(folder, file)).filter(Files::isRegularFile).findFirst();
    }
}

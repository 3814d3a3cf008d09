package jp.nexehrs.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The toolchain's version, from the properties Maven writes at build time. */
final class VersionProvider implements CommandLine.IVersionProvider {
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) properties.load(in);
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[]{"nexehrs " + version() + " (FHIR R4 4.0.1, Java " + Runtime.version() + ")"};
    }
}

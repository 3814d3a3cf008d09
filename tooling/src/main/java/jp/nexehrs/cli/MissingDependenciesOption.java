package jp.nexehrs.cli;

import jp.nexehrs.load.ProjectConfig;
import picocli.CommandLine;

import java.util.Locale;

/** {@code --missing-dependencies error|warn}, spelled as in nexehrs.yaml. */
final class MissingDependenciesOption implements CommandLine.ITypeConverter<ProjectConfig.MissingDependencies> {
    @Override
    public ProjectConfig.MissingDependencies convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "error" -> ProjectConfig.MissingDependencies.ERROR;
            case "warn" -> ProjectConfig.MissingDependencies.WARN;
            default -> throw new CommandLine.TypeConversionException("'" + value + "' is not one of error, warn");
        };
    }
}

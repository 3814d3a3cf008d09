package jp.nexehrs.node;

import java.nio.file.Path;

/** A pinned tool set installed by {@code npm ci}: its folder holds {@code node_modules}. */
public record InstalledTool(String name, Path folder) {
    /** An installed module's folder, e.g. {@code node_modules/axe-core}. */
    public Path module(String moduleName) {
        return folder.resolve("node_modules").resolve(moduleName);
    }

    /** A command a module installs, e.g. {@code node_modules/.bin/sushi}. */
    public Path command(String commandName) {
        return folder.resolve("node_modules").resolve(".bin").resolve(commandName);
    }
}

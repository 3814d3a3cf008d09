package jp.nexehrs.produce;

/** The project's FHIR NPM package: file name and the bytes of the .tgz. */
public record PackageArchive(String fileName, byte[] content) {}

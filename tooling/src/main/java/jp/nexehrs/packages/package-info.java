/**
 * The FHIR package cache that other FHIR tools read (SUSHI, fhir-package-loader), filled offline: the R4 core
 * package made from the definitions this toolchain carries, and a project's dependencies. A command's flow of its
 * own, beside the build: it reads what the load stage reads and writes only into the cache it is given.
 */
package jp.nexehrs.packages;

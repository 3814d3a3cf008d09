/**
 * The editors' loop ({@code nexehrs serve}): runs the pipeline in memory, serves the site over HTTP, watches
 * the project and reloads open pages.
 */
package jp.nexehrs.serve;

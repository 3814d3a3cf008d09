/**
 * Foundation: the Node.js tools nexehrs runs for the ecosystem's own work (SUSHI for FSH), each pinned by a
 * {@code package.json} and lock file carried in the jar and installed once with {@code npm ci} into a cache
 * folder. Only projects that need such a tool need Node; nothing else here runs without being asked.
 */
package jp.nexehrs.node;

/**
 * Foundation: the allowlist every piece of document HTML passes before it reaches a page.
 */
package jp.nexehrs.html;

/**
 * Foundation: the site's offline Japanese search index, built with Lucene's Kuromoji analyser.
 */
package jp.nexehrs.search;

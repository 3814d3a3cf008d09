/**
 * {@code nexehrs build --all-versions} and {@code nexehrs diff}: each release built through the
 * {@link jp.nexehrs.pipeline.Pipeline} from its own commit, assembled into one site with a version switcher and
 * change logs, published by {@link jp.nexehrs.publish.Publisher}.
 */
package jp.nexehrs.versions;

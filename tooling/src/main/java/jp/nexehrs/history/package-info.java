/**
 * Foundation: Git through JGit: releases (version tags), the files of a commit, when each file last changed.
 */
package jp.nexehrs.history;

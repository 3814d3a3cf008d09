/**
 * Foundation: the consortium's governance records ({@code governance/}): members, committees, ballots and
 * their tallies, comment dispositions, and the lifecycle rules a document's status must obey.
 */
package jp.nexehrs.governance;

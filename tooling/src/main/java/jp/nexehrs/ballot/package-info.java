/**
 * {@code nexehrs ballot status|tally}: {@link jp.nexehrs.ballot.GovernanceReading} loads the project and reads each
 * document's header into a {@link jp.nexehrs.ballot.GovernanceView}; no build, no validation.
 */
package jp.nexehrs.ballot;

/**
 * The build: {@link jp.nexehrs.pipeline.Pipeline} runs load -> convert -> check -> compose -> pdf -> produce ->
 * publish in order with the shared {@link jp.nexehrs.pipeline.Toolkit}, and returns an
 * {@link jp.nexehrs.pipeline.Outcome}. It holds no other command's flow.
 */
package jp.nexehrs.pipeline;

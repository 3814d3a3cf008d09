#!/usr/bin/env bash
# Whole-build benchmark (issue 10): builds the toolchain, then builds (a) this repository's spec, (b) JP Core
# 1.1.2 + JP Core 1.2.0's pages from ../shared/corpus, (c) synthetic specs at the given scales of (b), each as a
# fresh process with the JVM options ./nexehrs would choose for it (heap cap from the input size: the same
# tooling/bin/java-options.sh, which BuildBenchmark calls per case), and prints one table.
# Usage: tooling/bench/run-benchmarks.sh [scales, default 1,4,16]
# With "validation" instead: our validation side by side with the HL7 validator's engine on JP Core 1.1.2's
# examples (tooling/bench/run-benchmarks.sh validation [resources, default 1000]).
# With "snapshots": our generated snapshots of the corpus guides that have profiles (JP Core 1.1.2 from its
# differential-only package, the ePrescription guide with its jp-core draft dependency) against the HL7 generator set
# up as the IG Publisher does (../shared/tools/peer-validator's snapshot mode, run first), field by field
# (tooling/bench/run-benchmarks.sh snapshots [output folder, default /tmp/nexehrs-snapshot-peer]).
# With "ndjson": `nexehrs validate --package` of NDJSON exports made from this repository's examples (sizes, default
# 10000,100000), 4 shards merged against the unsharded report, the HL7 engine on the same resources as files, and JP Core
# 1.1.2's examples cold and warm (result cache) against the HL7 engine
# (tooling/bench/run-benchmarks.sh ndjson [sizes] [JP Core count, default 500]).
# With "streaming": `nexehrs validate` of 1x, 4x, 16x, 64x JP Core 1.1.2's examples against its package, to show
# that memory does not grow with the number of files (tooling/bench/run-benchmarks.sh streaming [scales]).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export GIT_CONFIG_NOSYSTEM=1
mvn -B -q -DskipTests package test-compile -pl tooling -am >&2
if [[ "${1:-}" == streaming ]]; then
  exec java -cp "tooling/target/test-classes:tooling/target/nexehrs.jar" jp.nexehrs.bench.StreamingValidationBenchmark \
       "$root" ../shared/corpus/jp-core-1.1.2 "${2:-1,4,16,64}"
fi
if [[ "${1:-}" == ndjson ]]; then
  java -jar tooling/target/nexehrs.jar package -q -p "$root" >&2 || true
  package=$(ls build/package/*.tgz | head -n 1)
  exec java -cp "tooling/target/test-classes:tooling/target/nexehrs.jar" jp.nexehrs.bench.NdjsonValidationBenchmark \
       "$root" "$package" "${2:-10000,100000}" "${3:-500}"
fi
if [[ "${1:-}" == snapshots ]]; then
  out="${2:-/tmp/nexehrs-snapshot-peer}"
  peer=../shared/tools/peer-validator/run.sh
  corpus=../shared/corpus
  [[ -d "$out/jp-core-1.1.2" ]] || "$peer" snapshot --out "$out/jp-core-1.1.2" "$corpus/jp-core-1.1.2/expected/tgz/jp-core.r4-1.1.2-diff.tgz" >&2
  [[ -d "$out/jp-eprescription" ]] || "$peer" snapshot --ig "$corpus/jp-eprescription/packages_snapshot/jp-core.draft1#1.1.0-beta.tgz" \
       --out "$out/jp-eprescription" "$corpus/jp-eprescription/fsh-generated/resources" >&2
  exec java -cp "tooling/target/test-classes:tooling/target/nexehrs.jar" jp.nexehrs.bench.SnapshotPeerComparison \
       "$corpus" "$out"
fi
if [[ "${1:-}" == validation ]]; then
  exec java -cp "tooling/target/test-classes:tooling/target/nexehrs.jar" jp.nexehrs.bench.SideBySideBenchmark \
       ../shared/corpus/jp-core-1.1.2 "${2:-1000}"
fi
java -cp "tooling/target/test-classes:tooling/target/nexehrs.jar" jp.nexehrs.bench.BuildBenchmark "$root" "${1:-1,4,16}"

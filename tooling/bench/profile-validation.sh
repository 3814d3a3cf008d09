#!/usr/bin/env bash
# CPU profile of validation (issue 10): runs ValidationBenchmark under Java Flight Recorder and prints the hot
# spots (tooling/bench/jfr-hotspots.py). The recording stays outside the repository.
#   tooling/bench/profile-validation.sh [resources, default 600] [recording, default /tmp/nexehrs-validation.jfr]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
resources="${1:-600}"
recording="${2:-/tmp/nexehrs-validation.jfr}"
mvn -B -q -o test-compile -pl tooling >&2
mvn -B -q -o dependency:build-classpath -pl tooling -Dmdep.outputFile=/tmp/nexehrs-cp.txt >&2
java -Xss4m -XX:+UseParallelGC -XX:StartFlightRecording=filename="$recording",settings=profile \
     -cp "tooling/target/test-classes:tooling/target/classes:$(cat /tmp/nexehrs-cp.txt)" \
     jp.nexehrs.bench.ValidationBenchmark ../shared/corpus/jp-core-1.1.2/expected/snapshot "$resources"
python3 tooling/bench/jfr-hotspots.py "$recording" 30

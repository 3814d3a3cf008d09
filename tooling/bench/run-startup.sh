#!/usr/bin/env bash
# Start-up benchmark (issue 10): wall and CPU (user + system) seconds of commands run through ./nexehrs, first
# without a start-up cache (NEXEHRS_STARTUP_CACHE=off: "cold"), then with the cache the launcher records on a first
# build ("warm": an AOT cache on JDK 25+, an AppCDS archive before). Each figure is the median of N runs. The
# project is a copy of this repository's spec in a scratch Git repository with one release tag, so that `diff` has
# two versions (its builds are cached before timing).
# Usage: tooling/bench/run-startup.sh [runs, default 3]     (the launcher's java is measured: $JAVA_HOME's, else PATH's)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-3}"
launcher="$root/nexehrs"
caches=("$root"/tooling/target/nexehrs-jdk*.jsa "$root"/tooling/target/nexehrs-jdk*.aot)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1

"$launcher" --version >/dev/null  # builds the jar if it is stale, outside the timings
for part in spec profiles governance site-template nexehrs.yaml; do cp -r "$root/$part" "$work/"; done
printf 'build/\n' > "$work/.gitignore"
git -C "$work" init -q -b main
git -C "$work" add -A
git -C "$work" -c user.name=bench -c user.email=bench@example.org commit -q -m release
git -C "$work" -c user.name=bench -c user.email=bench@example.org tag -a v1.0.0 -m release
example="$(ls "$work"/profiles/examples/*.json | head -1)"
NEXEHRS_STARTUP_CACHE=off "$launcher" diff 1.0.0 current --project "$work" -q >/dev/null 2>&1 || true

# measure LABEL COMMAND...: prints "LABEL | wall | cpu" (medians)
measure() {
  local label="$1" walls=() cpus=() t
  shift
  for ((i = 0; i < runs; i++)); do
    t="$(mktemp)"
    /usr/bin/time -f "%e %U %S" -o "$t" "$@" >/dev/null 2>&1 || true
    read -r wall user sys < <(tail -1 "$t")
    rm -f "$t"
    walls+=("$wall")
    cpus+=("$(echo "$user + $sys" | bc)")
  done
  printf '| %-32s | %6s | %6s |\n' "$label" "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")" \
    "$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")"
}

commands() {
  local mode="$1"
  measure "--help ($mode)" "$launcher" --help
  measure "validate one file ($mode)" "$launcher" validate "$example" --project "$work"
  measure "diff 1.0.0 current ($mode)" "$launcher" diff 1.0.0 current --project "$work"
  measure "build --no-cache ($mode)" "$launcher" build --no-cache -q --project "$work"
}

"${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-32s | %6s | %6s |\n| %s | %s | %s |\n' "command" "wall s" "CPU s" "---" "---:" "---:"
export NEXEHRS_STARTUP_CACHE=off
commands "cold, no cache"
export NEXEHRS_STARTUP_CACHE=on
measure "build recording the cache" bash -c "rm -f ${caches[*]}; exec '$launcher' build --no-cache -q --project '$work'"
commands "warm, start-up cache"
echo "cache: $(du -ch "${caches[@]}" 2>/dev/null | tail -1 | cut -f1); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

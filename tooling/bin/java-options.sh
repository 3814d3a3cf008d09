# Sourced by ./nexehrs and tooling/bench/run-benchmarks.sh: the one place that decides the JVM's options.
#
# nexehrs_heap_mb PROJECT_DIR: the heap cap (-Xmx) for building that project, in MB. A build holds every parsed
# resource, snapshot and converted document until the end (pages go to disk as they are rendered), so what it
# needs grows with the bytes under profiles/ and spec/: a floor for the FHIR R4 definitions, the validator and
# Asciidoctor, plus a multiple of the input; capped so a huge project fails with a clear OutOfMemoryError instead
# of swapping the machine. No project (validate --package anywhere, --help): the floor.
NEXEHRS_HEAP_FLOOR_MB=768
NEXEHRS_HEAP_PER_INPUT_MB=8
NEXEHRS_HEAP_CEILING_MB=4096

nexehrs_heap_mb() {
  local project="$1" input_kb=0 heap
  if [[ -n "$project" && -f "$project/nexehrs.yaml" ]]; then
    input_kb=$(du -sk "$project/profiles" "$project/spec" 2>/dev/null | awk '{s += $1} END {print s + 0}')
  fi
  heap=$(( NEXEHRS_HEAP_FLOOR_MB + NEXEHRS_HEAP_PER_INPUT_MB * input_kb / 1024 ))
  (( heap > NEXEHRS_HEAP_CEILING_MB )) && heap=$NEXEHRS_HEAP_CEILING_MB
  echo "$heap"
}

# nexehrs_project_dir ARGS...: the project a command works on: --project's value, else the current folder or the
# nearest one above it with nexehrs.yaml (as the toolchain itself finds it); empty when there is none.
nexehrs_project_dir() {
  local dir="" previous=""
  for arg in "$@"; do
    if [[ "$previous" == "--project" ]]; then dir="$arg"; fi
    if [[ "$arg" == --project=* ]]; then dir="${arg#--project=}"; fi
    previous="$arg"
  done
  dir="${dir:-$PWD}"
  dir="$(cd "$dir" 2>/dev/null && pwd)" || return 0
  while [[ -n "$dir" && ! -f "$dir/nexehrs.yaml" ]]; do
    [[ "$dir" == "/" ]] && return 0
    dir="$(dirname "$dir")"
  done
  echo "$dir"
}

# nexehrs_java_options ARGS...: the JVM options for running nexehrs with these arguments (NEXEHRS_JAVA_OPTS
# replaces them all). A 4 MB thread stack for JRuby's deep recursion; the parallel collector, which on 2 cores
# spends less CPU than G1 on a short batch run.
nexehrs_java_options() {
  if [[ -n "${NEXEHRS_JAVA_OPTS:-}" ]]; then
    echo "$NEXEHRS_JAVA_OPTS"
    return
  fi
  echo "-Xss4m -XX:+UseParallelGC -Xmx$(nexehrs_heap_mb "$(nexehrs_project_dir "$@")")m"
}

# nexehrs_run_java JAR OPTIONS... -- ARGS...: runs the toolchain with class-data sharing (AppCDS). The JVM maps
# the classes an earlier run loaded from an archive next to the jar (nexehrs.jsa) instead of reading and verifying
# them from the jar again. The first `build` after the jar changed records the archive as it exits (a dynamic
# archive, JDK 13+); every later command uses it. An archive older than the jar is not used (the JVM would also
# refuse it). Off unless NEXEHRS_CDS=on: recording costs the first build about half its CPU again, and on a whole
# build the archive saved nothing measurable (tooling/BENCHMARKS.md); tooling/bench/run-startup.sh decides.
nexehrs_run_java() {
  local jar="$1" archive="${1%.jar}.jsa" options=()
  shift
  while [[ $# -gt 0 && "$1" != "--" ]]; do options+=("$1"); shift; done
  shift
  # CDS reports what it cannot archive as warnings on stdout, which is the commands' output: keep those quiet.
  local quiet=(-Xlog:cds=off -Xlog:cds+dynamic=off)
  if [[ "${NEXEHRS_CDS:-off}" != "on" ]]; then
    exec java "${options[@]}" -jar "$jar" "$@"
  fi
  if [[ -f "$archive" && "$archive" -nt "$jar" ]]; then
    exec java "${options[@]}" -XX:SharedArchiveFile="$archive" -Xshare:auto "${quiet[@]}" -jar "$jar" "$@"
  fi
  if [[ " $* " != *" build "* ]]; then
    # Only a build loads (nearly) every class the other commands need: record the archive on one.
    exec java "${options[@]}" -jar "$jar" "$@"
  fi
  # Recorded under a temporary name and moved into place whole, so a concurrent run never maps half an archive.
  local recording="$archive.$$.tmp" status=0
  java "${options[@]}" -XX:ArchiveClassesAtExit="$recording" "${quiet[@]}" -jar "$jar" "$@" || status=$?
  if [[ -s "$recording" ]]; then mv -f "$recording" "$archive"; else rm -f "$recording"; fi
  return "$status"
}

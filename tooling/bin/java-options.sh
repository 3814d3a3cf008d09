# Sourced by ./nexehrs and tooling/bench/run-benchmarks.sh: the one place that decides the JVM's options.
#
# The heap cap (-Xmx) grows with the input: a build holds every parsed resource, snapshot and converted document
# until the end (pages go to disk as they are rendered), so what it needs grows with the bytes under profiles/ and
# spec/ (and the files a command is given): a floor for the FHIR R4 definitions, the validator and Asciidoctor,
# plus a multiple of the input; capped so a huge project fails with a clear OutOfMemoryError instead of swapping
# the machine. No project and no files (validate --package anywhere, --help): the floor.
NEXEHRS_HEAP_FLOOR_MB=768
NEXEHRS_HEAP_PER_INPUT_MB=8
NEXEHRS_HEAP_CEILING_MB=4096
# Below this input a run is short enough that the JIT's optimising compiler (C2) costs more CPU than its code
# saves: such runs use the quick compiler (C1) only, and JRuby interprets Ruby instead of compiling it to
# bytecode. On 2 cores this cut this spec's cold build from 15.7 to 12 s wall and 29 to 16 CPU s, and the 37 MB
# synthetic 4x spec from 36 to 28 s; at 148 MB (16x) the full JIT wins (97 s against 114 s). tooling/BENCHMARKS.md.
NEXEHRS_QUICK_JIT_MAX_INPUT_MB=64

# nexehrs_input_kb ARGS...: the KB of input a command works on: the project's profiles/ and spec/, plus every
# argument that names an existing file or folder (the resources `validate` is given).
nexehrs_input_kb() {
  local project paths=() arg
  project="$(nexehrs_project_dir "$@")"
  if [[ -n "$project" ]]; then
    for arg in "$project/profiles" "$project/spec"; do [[ -e "$arg" ]] && paths+=("$arg"); done
  fi
  local previous=""
  for arg in "$@"; do
    # --project's folder is counted above by its sources only (not its build output).
    [[ "$arg" != -* && -e "$arg" && "$previous" != "--project" && "$previous" != "-p" ]] && paths+=("$arg")
    previous="$arg"
  done
  (( ${#paths[@]} == 0 )) && { echo 0; return; }
  du -sk "${paths[@]}" 2>/dev/null | awk '{s += $1} END {print s + 0}'
}

# nexehrs_heap_mb INPUT_KB: the heap cap (-Xmx) in MB for that much input.
nexehrs_heap_mb() {
  local heap=$(( NEXEHRS_HEAP_FLOOR_MB + NEXEHRS_HEAP_PER_INPUT_MB * $1 / 1024 ))
  (( heap > NEXEHRS_HEAP_CEILING_MB )) && heap=$NEXEHRS_HEAP_CEILING_MB
  echo "$heap"
}

# nexehrs_jit_options INPUT_KB ARGS...: quick-start compilation for a short run; the full JIT for `serve`, which
# rebuilds for as long as an editor works, and for large inputs.
nexehrs_jit_options() {
  local input_kb="$1" arg command=""
  shift
  for arg in "$@"; do [[ "$arg" != -* ]] && { command="$arg"; break; }; done
  if [[ "$command" != serve ]] && (( input_kb < NEXEHRS_QUICK_JIT_MAX_INPUT_MB * 1024 )); then
    echo "-XX:TieredStopAtLevel=1 -Djruby.compile.mode=OFF"
  fi
}

# nexehrs_project_dir ARGS...: the project a command works on: --project's value, else the current folder or the
# nearest one above it with nexehrs.yaml (as the toolchain itself finds it); empty when there is none.
nexehrs_project_dir() {
  local dir="" previous=""
  for arg in "$@"; do
    if [[ "$previous" == "--project" || "$previous" == "-p" ]]; then dir="$arg"; fi
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
  local input_kb
  input_kb="$(nexehrs_input_kb "$@")"
  echo "-Xss4m -XX:+UseParallelGC -Xmx$(nexehrs_heap_mb "$input_kb")m $(nexehrs_jit_options "$input_kb" "$@")"
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

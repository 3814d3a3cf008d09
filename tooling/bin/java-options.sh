# Sourced by ./nexehrs and tooling/bench/run-benchmarks.sh: the one place that decides the JVM's options.
#
# The heap cap (-Xmx): a floor for the FHIR R4 definitions, the validator and Asciidoctor, plus a little per MB of
# the project's profiles/ and spec/ and more per MB of what a command holds parsed whole (the packages it is given;
# of the files `validate` is given, the largest, one per core: it reads them a few at a time and drops each); capped
# so a huge project fails with a clear OutOfMemoryError instead of swapping the machine. No project and no files
# (validate --package anywhere, --help): the floor. The project's own resources are kept as compressed text and
# parsed when used; a parsed one that is not in use is let go at the next collection (-XX:SoftRefLRUPolicyMSPerMB=0;
# ReparsableResource), so what a build holds hardly grows with the project: the 16x synthetic build (164 MB) ran
# under the 768 MB floor as fast as under 1,950 MB (tooling/BENCHMARKS.md). 1 MB per project MB covers what does grow
# (compressed texts, converted documents, findings); 5 MB per MB held parsed whole keeps the parallel collector's
# heap about twice the live set.
NEXEHRS_HEAP_FLOOR_MB=768
NEXEHRS_HEAP_PER_SOURCE_MB=1
NEXEHRS_HEAP_PER_PARSED_MB=5
NEXEHRS_HEAP_CEILING_MB=4096
# Below this input a run is short enough that the JIT's optimising compiler (C2) costs more CPU than its code
# saves: such runs use the quick compiler (C1) only, and JRuby interprets Ruby instead of compiling it to
# bytecode. On 2 cores this cut this spec's cold build from 15.7 to 12 s wall and 29 to 16 CPU s, and the 37 MB
# synthetic 4x spec from 36 to 28 s; at 148 MB (16x) the full JIT wins (97 s against 114 s). tooling/BENCHMARKS.md.
NEXEHRS_QUICK_JIT_MAX_INPUT_MB=64
# `validate` of an NDJSON export (streamed): a fixed young generation and -Xms = -Xmx, so the adaptive collector cannot
# grow the heap with the run's length (peak RSS 684 -> 1,026 MB from 10,000 to 100,000 resources); tooling/BENCHMARKS.md.
NEXEHRS_STREAM_HEAP_FLOOR_MB=640
NEXEHRS_STREAM_YOUNG_MB=256

# The options whose next word is their value, never an input (kept equal to the commands' own: LauncherJavaOptionsTest).
# --package's value is an input of its own (held parsed); --project's is counted by its sources. Without this list,
# `validate --cache-dir DIR` counted the result cache as files to validate, and walked every entry of it on each run.
NEXEHRS_VALUE_OPTIONS=" --cache --cache-dir --format --from --host --lang --missing-dependencies --port --profile --shard --threads "

# nexehrs_input_kb ARGS...: "SOURCE_KB PARSED_KB LINES_KB": the KB of the project's profiles/ and spec/, the KB a
# command holds parsed whole: every package given with --package, and of the files and folders `validate` is named
# (its resources), only the largest files, one per core: they are validated as they are read, a few at a time, and
# dropped; and the KB of NDJSON exports (.ndjson, .ndjson.gz), which are read a line (one resource) at a time, so
# they choose the streamed-export heap and JIT, not the heap cap. Only the project's inputs count: a word of another command that happens to name a file or folder (`build`
# beside ./build/) and anything in the project's build/ output never do.
nexehrs_input_kb() {
  local project held=() streamed=() arg previous="" command=""
  project="$(nexehrs_project_dir "$@")"
  for arg in "$@"; do
    if [[ "$previous" == "--package" && -e "$arg" ]]; then
      held+=("$arg")
    elif [[ "$arg" == --package=* && -e "${arg#--package=}" ]]; then
      held+=("${arg#--package=}")
    elif [[ "$arg" == -* || "$previous" == "--project" || "$previous" == "-p" || "$NEXEHRS_VALUE_OPTIONS" == *" $previous "* ]]; then
      : # an option, an option's value, or --project's folder, counted above by its sources only
    elif [[ -z "$command" ]]; then
      command="$arg"
    elif [[ "$command" == validate && -e "$arg" ]] && ! nexehrs_in_build_output "$project" "$arg"; then
      streamed+=("$arg")
    fi
    previous="$arg"
  done
  local source_kb=0 held_kb=0 streamed_kb=0 lines_kb=0 sources=()
  if [[ -n "$project" ]]; then
    for arg in "$project/profiles" "$project/spec"; do [[ -e "$arg" ]] && sources+=("$arg"); done
  fi
  (( ${#sources[@]} > 0 )) && source_kb="$(du -sk "${sources[@]}" 2>/dev/null | awk '{s += $1} END {print s + 0}')"
  (( ${#held[@]} > 0 )) && held_kb="$(du -sk "${held[@]}" 2>/dev/null | awk '{s += $1} END {print s + 0}')"
  if (( ${#streamed[@]} > 0 )); then
    streamed_kb="$(find "${streamed[@]}" -type f ! -name '*.ndjson' ! -name '*.ndjson.gz' -printf '%k\n' 2>/dev/null | sort -n \
      | tail -n "$(nproc 2>/dev/null || echo 2)" | awk '{s += $1} END {print s + 0}')"
    lines_kb="$(find "${streamed[@]}" -type f \( -name '*.ndjson' -o -name '*.ndjson.gz' \) -printf '%k\n' 2>/dev/null \
      | awk '{s += $1} END {print s + 0}')"
  fi
  echo "$source_kb $(( held_kb + streamed_kb )) $lines_kb"
}

# nexehrs_in_build_output PROJECT PATH: whether PATH is the project's build/ folder or inside it.
nexehrs_in_build_output() {
  local build real
  [[ -n "$1" && -d "$1/build" ]] || return 1
  build="$(cd "$1/build" && pwd -P)" || return 1
  real="$(realpath -m "$2" 2>/dev/null)" || return 1
  [[ "$real" == "$build" || "$real" == "$build/"* ]]
}

# nexehrs_heap_mb SOURCE_KB PARSED_KB [FLOOR_MB]: the heap cap (-Xmx) in MB for that much input.
nexehrs_heap_mb() {
  local heap=$(( ${3:-$NEXEHRS_HEAP_FLOOR_MB} + (NEXEHRS_HEAP_PER_SOURCE_MB * $1 + NEXEHRS_HEAP_PER_PARSED_MB * $2) / 1024 ))
  (( heap > NEXEHRS_HEAP_CEILING_MB )) && heap=$NEXEHRS_HEAP_CEILING_MB
  echo "$heap"
}

# nexehrs_jit_options INPUT_KB LINES_KB ARGS...: quick-start compilation for a short run; the full JIT for `serve`,
# which rebuilds for as long as an editor works, for large inputs, and for `validate` of any NDJSON export: one loop
# that C2 pays back within seconds (10,000 resources: the same CPU time as C1 only), and a JIT that changed with the
# export's size (at 64 MB) changed its native memory too (code cache, compiler arenas: tooling/BENCHMARKS.md, "Run 3").
nexehrs_jit_options() {
  local input_kb="$1" lines_kb="$2" arg command=""
  shift 2
  for arg in "$@"; do [[ "$arg" != -* ]] && { command="$arg"; break; }; done
  if [[ "$command" != serve ]] && (( lines_kb == 0 && input_kb < NEXEHRS_QUICK_JIT_MAX_INPUT_MB * 1024 )); then
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
# spends less CPU than G1 on a short batch run; parsed resources not in use let go at each collection (see above:
# with the default policy, the 16x build under the 1x cap took 6.5 minutes instead of 1, collecting again and again).
nexehrs_java_options() {
  if [[ -n "${NEXEHRS_JAVA_OPTS:-}" ]]; then
    echo "$NEXEHRS_JAVA_OPTS"
    return
  fi
  local source_kb parsed_kb lines_kb heap
  read -r source_kb parsed_kb lines_kb <<< "$(nexehrs_input_kb "$@")"
  if (( lines_kb > 0 )); then
    # Only `validate` counts NDJSON lines (nexehrs_input_kb): the streamed-export heap, sized once (see above).
    heap="$(nexehrs_heap_mb "$source_kb" "$parsed_kb" "$NEXEHRS_STREAM_HEAP_FLOOR_MB")"
    # Pre-touched: the heap's pages are all resident from the start, so peak RSS is the same at any export size (without,
    # the old generation's pages were touched as promoted garbage filled it: 727 -> 884 MB from 10,000 to 100,000).
    heap="-Xms${heap}m -Xmx${heap}m -Xmn${NEXEHRS_STREAM_YOUNG_MB}m -XX:-UseAdaptiveSizePolicy -XX:SurvivorRatio=4 -XX:+AlwaysPreTouch"
  else
    heap="-Xmx$(nexehrs_heap_mb "$source_kb" "$parsed_kb")m"
  fi
  echo "-Xss4m -XX:+UseParallelGC $heap -XX:SoftRefLRUPolicyMSPerMB=0" \
       "$(nexehrs_jit_options $(( source_kb + parsed_kb + lines_kb )) "$lines_kb" "$@")"
}

# nexehrs_java: the java to run: $JAVA_HOME's when it is set (as Maven does), else the one on PATH.
nexehrs_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then echo "$JAVA_HOME/bin/java"; return; fi
  if ! command -v java >/dev/null 2>&1; then
    echo "nexehrs: no Java found: install a JDK 17 or later (e.g. apt-get install openjdk-17-jdk) or set JAVA_HOME" >&2
    return 2
  fi
  echo java
}

# nexehrs_java_feature JAVA: its feature version (17, 25, ...), from the JDK's release file, else from -version.
nexehrs_java_feature() {
  local home version
  home="$(dirname "$(dirname "$(readlink -f "$(command -v "$1")")")")"
  version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null)"
  [[ -z "$version" ]] && version="$("$1" -version 2>&1 | sed -n '1s/[^"]*"\([0-9]*\).*/\1/p')"
  echo "${version:-0}"
}

# nexehrs_utf8_locale: the JVM reads file names and arguments in the C library's character set for the locale. In the
# C/POSIX locale of many CI containers, or where LANG names a locale that is not installed (LANG=ja_JP.UTF-8 in a
# container without it), that is ASCII: a Japanese file name was an internal failure and a Japanese argument was not
# found. Then the run gets C.UTF-8 where it is installed (every recent glibc), keeping the language LANG asked for
# through user.language, so messages stay Japanese; where it is not, the toolchain says what to do. (On macOS the JVM
# reads file names in UTF-8 whatever the locale.) Sets NEXEHRS_LOCALE_OPTIONS (JVM options), and exports LC_ALL.
nexehrs_utf8_locale() {
  NEXEHRS_LOCALE_OPTIONS=()
  [[ "${OSTYPE:-}" == darwin* ]] && return 0
  command -v locale >/dev/null 2>&1 || return 0
  [[ "$(locale charmap 2>/dev/null)" == UTF-8 ]] && return 0
  local installed utf8=$'(^|\n)C\\.(UTF-8|utf8)(\n|$)'
  installed="$(locale -a 2>/dev/null)"
  [[ "$installed" =~ $utf8 ]] || return 0
  local asked="${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}"
  if [[ "$asked" =~ ^([a-z]{2,3})(_([A-Z]{2}))? ]]; then
    NEXEHRS_LOCALE_OPTIONS+=("-Duser.language=${BASH_REMATCH[1]}")
    [[ -n "${BASH_REMATCH[3]}" ]] && NEXEHRS_LOCALE_OPTIONS+=("-Duser.country=${BASH_REMATCH[3]}")
  fi
  export LC_ALL=C.UTF-8
}

# nexehrs_run_java JAR OPTIONS... -- ARGS...: runs the toolchain from a start-up cache when there is one. The first
# `build` after the jar changed records which classes the toolchain loads and links (from JDK 25 also how its
# methods ran) and writes the cache next to the jar; every later command maps them from it instead of loading,
# verifying and profiling them again: an AOT cache on JDK 25 and later (JEP 483/514, nexehrs-jdk<N>.aot), a dynamic
# AppCDS archive before (nexehrs-jdk<N>.jsa). On a quiet machine, on this spec (tooling/BENCHMARKS.md): JDK 17
# build 10.0 -> 8.0 s, validate of one file 6.3 -> 4.3 s; JDK 25 build 11.2 -> 7.0 s. Recording makes that one
# build about 8 s (JDK 17) or 14 s (JDK 25) longer. NEXEHRS_STARTUP_CACHE=off turns it off. A cache older than
# the jar is recorded again (the JVM would refuse it).
nexehrs_run_java() {
  local jar="$1" options=() java feature
  shift
  while [[ $# -gt 0 && "$1" != "--" ]]; do options+=("$1"); shift; done
  shift
  java="$(nexehrs_java)"
  feature="$(nexehrs_java_feature "$java")"
  nexehrs_utf8_locale
  # (expanded only when set: an empty array is "unbound" under set -u in bash before 4.4, as macOS ships)
  options+=(${NEXEHRS_LOCALE_OPTIONS[@]+"${NEXEHRS_LOCALE_OPTIONS[@]}"})
  # JRuby's native library loader and its use of sun.misc.Unsafe are warned about from JDK 24 on.
  (( feature >= 24 )) && options+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
  if [[ "${NEXEHRS_STARTUP_CACHE:-on}" == off ]] || (( feature < 13 )); then
    exec "$java" "${options[@]}" -jar "$jar" "$@"
  fi
  # The JVM reports what it cannot cache as warnings on stdout, which is the commands' output: keep those quiet.
  local quiet=(-XX:+DisplayVMOutputToStderr -Xlog:cds=off -Xlog:cds+dynamic=off) cache use=()
  if (( feature >= 25 )); then
    quiet+=(-Xlog:aot=off)
    cache="${jar%.jar}-jdk$feature.aot"
    use=(-XX:AOTCache="$cache")
  else
    cache="${jar%.jar}-jdk$feature.jsa"
    use=(-XX:SharedArchiveFile="$cache" -Xshare:auto)
  fi
  if [[ -f "$cache" && "$cache" -nt "$jar" ]]; then
    exec "$java" "${options[@]}" "${use[@]}" "${quiet[@]}" -jar "$jar" "$@"
  fi
  if [[ " $* " != *" build "* ]]; then
    # Only a build loads (nearly) every class the other commands need: record the cache on one.
    exec "$java" "${options[@]}" -jar "$jar" "$@"
  fi
  # Written under a temporary name and moved into place whole, so a concurrent run never maps half a cache.
  local recording="$cache.$$.tmp" status=0
  # shellcheck disable=SC2064 # expanded now: the names are local to this function
  trap "rm -f '$recording' '$recording.conf'" EXIT
  echo "nexehrs: this build also records a start-up cache for later runs" \
       "($(basename "$cache"), once per toolchain build)" >&2
  if (( feature >= 25 )); then
    "$java" "${options[@]}" -XX:AOTMode=record -XX:AOTConfiguration="$recording.conf" "${quiet[@]}" -jar "$jar" "$@" \
      2> >(grep -v 'AOTConfiguration recorded' >&2) || status=$?
    if [[ -s "$recording.conf" ]]; then
      "$java" "${options[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$recording.conf" -XX:AOTCache="$recording" \
        "${quiet[@]}" -jar "$jar" >/dev/null 2>&1 || rm -f "$recording"
    fi
  else
    "$java" "${options[@]}" -XX:ArchiveClassesAtExit="$recording" "${quiet[@]}" -jar "$jar" "$@" || status=$?
  fi
  if [[ -s "$recording" ]]; then mv -f "$recording" "$cache"; fi
  return "$status"
}

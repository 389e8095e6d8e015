#!/usr/bin/env bash
# Analyzer throughput (issue 7): wall time and peak RSS of `serialscope analyze`, `serialscope summary`,
# JMC's JfrRulesReport (SerialScope rules only), `jfr summary` and a bare JMC parse (only the event types
# the rules read) and a bare JDK RecordingFile read of every event (the floor of summary), on generated recordings of 10 k, 1 M and 5 M SerialScope events. Each measurement runs
# in its own JVM under /usr/bin/time -v, REPEATS times; the table has the medians.
#
#   bench/analyzer-throughput.sh [SIZES...]        e.g. bench/analyzer-throughput.sh 10k 1M 5M (the default)
#
# Environment: JAVA_HOME (default: the java on PATH), REPEATS (3), OUT (bench/target/analyzer-throughput).
# Needs the built jars: mvn -B -q -f events/pom.xml install && mvn -B -q -f rules/pom.xml install
#                       && mvn -B -q -f bench/pom.xml package
# The recordings are written to $OUT/recordings (never into git) and reused when they already exist.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
JAVA="$JAVA_HOME/bin/java"
JFR="$JAVA_HOME/bin/jfr"
REPEATS="${REPEATS:-3}"
OUT="${OUT:-$ROOT/bench/target/analyzer-throughput}"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10k 1M 5M)

BENCH_JAR="$ROOT/bench/target/serialscope-bench.jar"
CLI_JAR="$ROOT/rules/cli/target/serialscope-cli.jar"
RULES_JAR="$(ls "$ROOT"/rules/core/target/serialscope-rules-*.jar | grep -v -e sources -e tests | head -1)"
M2="${M2_REPO:-$HOME/.m2/repository}"
JMC_VERSION="$(sed -n 's:.*<jmc.version>\(.*\)</jmc.version>.*:\1:p' "$ROOT/pom.xml")"
JMC_CP="$M2/org/openjdk/jmc/common/$JMC_VERSION/common-$JMC_VERSION.jar"
JMC_CP="$JMC_CP:$M2/org/openjdk/jmc/flightrecorder/$JMC_VERSION/flightrecorder-$JMC_VERSION.jar"
JMC_CP="$JMC_CP:$M2/org/openjdk/jmc/flightrecorder.rules/$JMC_VERSION/flightrecorder.rules-$JMC_VERSION.jar"
JMC_CP="$JMC_CP:$M2/org/owasp/encoder/encoder/1.2.3/encoder-1.2.3.jar"
JMC_CP="$JMC_CP:$M2/at/yawk/lz4/lz4-java/1.10.2/lz4-java-1.10.2.jar"
for jar in "$BENCH_JAR" "$CLI_JAR" "$RULES_JAR" ${JMC_CP//:/ }; do
  [ -f "$jar" ] || { echo "missing $jar: build first (see the header of $0)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time)" >&2; exit 2; }

mkdir -p "$OUT/recordings" "$OUT/jars"
# Snapshots of the jars: a build running meanwhile must not replace a jar under a running JVM.
cp "$BENCH_JAR" "$CLI_JAR" "$RULES_JAR" "$OUT/jars/"
BENCH_JAR="$OUT/jars/$(basename "$BENCH_JAR")"
CLI_JAR="$OUT/jars/$(basename "$CLI_JAR")"
RULES_JAR="$OUT/jars/$(basename "$RULES_JAR")"
RESULTS="$OUT/results.tsv"
: > "$RESULTS"

# The tools, by name: each gets the recording as its last argument.
TOOLS=(jfr-summary jdk-read summary bare-parse analyze jmc-report)
command_of() {
  case "$1" in
    jfr-summary) echo "$JFR summary" ;;
    jdk-read) echo "$JAVA -cp $BENCH_JAR dev.serialscope.bench.JdkRead" ;;
    summary) echo "$JAVA -jar $CLI_JAR summary" ;;
    bare-parse) echo "$JAVA -cp $BENCH_JAR dev.serialscope.bench.BareParse" ;;
    analyze) echo "$JAVA -jar $CLI_JAR analyze" ;;
    jmc-report) echo "$JAVA -cp $RULES_JAR:$JMC_CP org.openjdk.jmc.flightrecorder.rules.report.JfrRulesReport -format json" ;;
  esac
}

echo "# $(date -u +%FT%TZ) $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(free -g | awk '/Mem:/{print $2}') GiB; $("$JAVA" -version 2>&1 | head -1); load: $(cut -d' ' -f1-3 /proc/loadavg)"

for size in "${SIZES[@]}"; do
  file="$OUT/recordings/events-$size.jfr"
  # The generator checks that JFR lost no event (it can on a busy machine) and fails then: try again.
  for attempt in 1 2 3; do
    [ -s "$file" ] && break
    "$JAVA" -XX:FlightRecorderOptions:memorysize=256m -cp "$BENCH_JAR" dev.serialscope.bench.RecordingGenerator \
      "$file" "$size" || rm -f "$file"
  done
  [ -s "$file" ] || { echo "could not generate $file" >&2; exit 1; }
  for tool in "${TOOLS[@]}"; do
    for ((i = 1; i <= REPEATS; i++)); do
      log="$OUT/$tool-$size-$i.time"
      # shellcheck disable=SC2046
      /usr/bin/time -v -o "$log" $(command_of "$tool") "$file" > "$OUT/$tool-$size.out" 2> "$OUT/$tool-$size.err" \
        || { echo "$tool $size failed, see $OUT/$tool-$size.err" >&2; exit 1; }
      if [ "$tool" = jmc-report ] && grep -q '"error"' "$OUT/$tool-$size.out"; then
        echo "JfrRulesReport: a rule failed, see $OUT/$tool-$size.out" >&2; exit 1
      fi
      seconds="$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,p,":"); s=0; for(j=1;j<=n;j++) s=s*60+p[j]; print s}' "$log")"
      rss="$(awk -F': ' '/Maximum resident set size/{print $2}' "$log")"
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$tool" "$i" "$seconds" "$rss" \
        "$(cut -d' ' -f1 /proc/loadavg)" >> "$RESULTS"
      echo "$size $tool run $i: ${seconds}s, $((rss / 1024)) MiB, load $(cut -d' ' -f1 /proc/loadavg)" >&2
    done
  done
done

# Medians and ratios: summary against jfr summary, analyze and the JMC report against the bare parse.
echo
echo "| recording | tool | seconds (median of $REPEATS) | peak RSS (MiB) | ratio |"
echo "|---|---|---:|---:|---|"
awk -F'\t' -v sizes="${SIZES[*]}" -v tools="${TOOLS[*]}" -v out="$OUT" '
  { key = $1 SUBSEP $2; n[key]++; t[key, n[key]] = $4; m[key, n[key]] = $5 }
  function median(arr, key, count,   a, i, j, x) {
    for (i = 1; i <= count; i++) a[i] = arr[key, i]
    for (i = 2; i <= count; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > x + 0; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return count % 2 ? a[(count + 1) / 2] : (a[count / 2] + a[count / 2 + 1]) / 2
  }
  END {
    ns = split(sizes, S, " "); nt = split(tools, T, " ")
    for (s = 1; s <= ns; s++) {
      for (k = 1; k <= nt; k++) { key = S[s] SUBSEP T[k]; sec[T[k]] = median(t, key, n[key]); mem[T[k]] = median(m, key, n[key]) }
      for (k = 1; k <= nt; k++) {
        tool = T[k]; ratio = ""
        if (tool == "summary") ratio = sprintf("%.2fx jfr summary, %.2fx jdk-read", sec[tool] / sec["jfr-summary"], sec[tool] / sec["jdk-read"])
        if (tool == "analyze" || tool == "jmc-report") ratio = sprintf("%.2fx bare parse", sec[tool] / sec["bare-parse"])
        printf "| %s | %s | %.2f | %d | %s |\n", S[s], tool, sec[tool], mem[tool] / 1024, ratio
      }
    }
  }' "$RESULTS"

#!/usr/bin/env bash
# Start-up cost of the agent: a hello-world program timed as a whole process (GNU time) in four
# configurations, run in turn REPEATS times after one warm-up round; prints the median wall and CPU
# seconds of each, the difference to JFR's default recording without the agent (what the production
# profile is judged against), and every line a configuration printed on standard error.
#
#   bench/startup.sh [JAVA_HOME]        e.g. bench/startup.sh "$JAVA25_HOME"; default: the java on PATH
#
# Environment: REPEATS (5); AGENT, the agent jar to time (default probe/target/serialscope-agent.jar; a copy of
# another build compares the two). Needs the built jars: ./serialscope build (or mvn -B -q install -DskipTests).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAVA_HOME="${1:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"
JAVA="$JAVA_HOME/bin/java"
REPEATS="${REPEATS:-5}"
AGENT="${AGENT:-$ROOT/probe/target/serialscope-agent.jar}"
PROFILES="$ROOT/events/src/main/resources/dev/serialscope/events"
CLASSES="$ROOT/bench/target/classes"
for f in "$JAVA" "$AGENT" "$CLASSES/dev/serialscope/bench/HelloWorld.class"; do
  [[ -e "$f" ]] || { echo "missing $f: build first (./serialscope build)" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (GNU time)" >&2; exit 2; }

QUIET=-Xlog:jfr+startup=error
names=("no agent, no recording" "no agent, JFR default recording" "agent, no recording" "agent, production profile")
options=("" "$QUIET -XX:StartFlightRecording:settings=default" "-javaagent:$AGENT"
  "-javaagent:$AGENT $QUIET -XX:StartFlightRecording:settings=default,settings=$PROFILES/production.jfc")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
run() { # run INDEX ROUND: one timed start, its stderr kept apart from GNU time's line
  local i="$1" round="$2"
  # shellcheck disable=SC2086 # the options are words
  (cd "$work" && /usr/bin/time -o "$work/time.$i.$round" -f "%e %U %S" \
    "$JAVA" ${options[$i]} -cp "$CLASSES" dev.serialscope.bench.HelloWorld >/dev/null 2>"$work/err.$i.$round")
}
for round in warmup $(seq 1 "$REPEATS"); do
  for i in "${!names[@]}"; do run "$i" "$round"; done
done

median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
"$JAVA" -version 2>&1 | head -1
echo "$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $REPEATS runs each after one warm-up round"
echo
printf '| %-33s | %13s | %12s | %14s |\n' "configuration" "wall s (med)" "cpu s (med)" "wall over JFR"
printf '|%s|%s|%s|%s|\n' "-----------------------------------" "--------------:" "-------------:" "---------------:"
declare -a walls
for i in "${!names[@]}"; do
  wall=$(for r in $(seq 1 "$REPEATS"); do cut -d' ' -f1 "$work/time.$i.$r"; done | median)
  cpu=$(for r in $(seq 1 "$REPEATS"); do awk '{print $2 + $3}' "$work/time.$i.$r"; done | median)
  walls[$i]=$wall
  over=$(awk -v a="$wall" -v b="${walls[1]:-$wall}" 'BEGIN {printf "%+.2f s", a - b}')
  [[ $i -ge 2 ]] || over="-"
  printf '| %-33s | %13s | %12s | %14s |\n' "${names[$i]}" "$wall" "$cpu" "$over"
done
echo
for i in "${!names[@]}"; do
  lines=$(cat "$work"/err."$i".[0-9]* | sort -u)
  [[ -z "$lines" ]] || printf 'standard error of "%s":\n%s\n' "${names[$i]}" "$lines"
done

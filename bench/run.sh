#!/usr/bin/env bash
# Runs Herald's benchmarks (never part of mvn verify). Usage:
#   bench/run.sh [all|cold-start|end-to-end|sender-throughput|jmh|fanout|import|import-read|codes|cost|scale] [--build|--no-build] [-- arguments for the bench's main]
#   (ColdStartBench takes [runs] [--name=NAME] [JVM flags]; EndToEndBench takes [events] [paced rate, 0: none] [paced warm-ups];
#   SenderThroughputBench takes [messages per channel] [warm-up] [rounds];
#   jmh: SegmentRulesBench, the segment rules in JMH, takes [forks] [warm-up iterations] [measurement iterations];
#   fanout: FanoutBench takes [members] [rounds] [threads]; import: ImportBench takes [rows];
#   import-read: ImportReadBench, the API's own read of an import file, takes [rows];
#   codes: CodesBench, code generation, publications and publish_code end to end, takes [codes] [publications per
#   level] [events]; cost: CostBench, AWS calls and dollars per message of each flow, takes [messages]
#   [segment members] [import rows]; scale: ScaleBench, the million-member fan-out model, takes [members...]
#   [--dynamodb-ms=5] [--sqs-ms=10] [--ses-ms=30], default 10000 100000, never run by "all": 1,000,000 on demand)
# Builds first (mvn -q -DskipTests install from the root) when the bench's classpath file or a function's
# shaded jar is missing, or a source, pom or the template changed since; --build forces it, --no-build skips it.
# Extra Maven arguments go in HERALD_MVN_ARGS (for example "-o -DskipNpm=true").
# Results: a table on stdout and bench/results/<bench>.json.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
CLASSPATH_FILE="$BENCH/target/classpath.txt"

which="all" build="auto"
while (( $# > 0 )); do
  case "$1" in
    all|cold-start|end-to-end|sender-throughput|jmh|fanout|import|import-read|codes|cost|scale) which="$1" ;;
    --build) build="yes" ;;
    --no-build) build="no" ;;
    --) shift; break ;;
    *) echo "usage: bench/run.sh [all|cold-start|end-to-end|sender-throughput|jmh|fanout|import|import-read|codes|cost|scale] [--build|--no-build] [-- bench arguments]" >&2
       exit 2 ;;
  esac
  shift
done

command -v node >/dev/null || { echo "bench: needs Node.js 20+ on the PATH (dynalite, aws-ses-v2-local)" >&2; exit 1; }
# shellcheck source=../local/jdk.sh
source "$ROOT/local/jdk.sh"   # a JDK 21+ into JAVA_HOME and PATH

bench_jar() { compgen -G "$BENCH/target/herald-bench-*.jar" | head -1; }

needs_build() {
  [[ -f "$CLASSPATH_FILE" && -n "$(bench_jar)" ]] || return 0
  for fn in api trigger sender dead-letter feedback segments fanout jobs; do
    compgen -G "$ROOT/functions/$fn/target/herald-fn-$fn-*-lambda.jar" >/dev/null || return 0
  done
  local newer
  newer="$(find "$ROOT" \( -name target -o -name node_modules -o -name .git \) -prune -o -type f \
    \( -path '*/src/main/*' -o -name pom.xml -o -path "$ROOT/template.yaml" \) \
    -newer "$CLASSPATH_FILE" -print -quit)"
  [[ -n "$newer" ]]
}

if [[ "$build" == "yes" ]] || { [[ "$build" == "auto" ]] && needs_build; }; then
  echo "bench: building (mvn -q -DskipTests install) with $JAVA_HOME" >&2
  # shellcheck disable=SC2086
  (cd "$ROOT" && mvn -q -DskipTests ${HERALD_MVN_ARGS:-} install)
  touch "$CLASSPATH_FILE"
fi

opts=()
if (( $(jdk_major "$JAVA_HOME") >= 24 )); then
  opts+=(--sun-misc-unsafe-memory-access=allow)   # ElasticMQ's Pekko and Scala still use sun.misc.Unsafe
fi
export HERALD_NODE_DIR="$ROOT/local"
cd "$ROOT"
# the bench's jar, not target/classes: the probes put it on their classpath, and CDS and AOT caches refuse
# non-empty directories there
# (extra_cp: entries put first, for one bench only)
extra_cp=""
run() { "$JAVA_HOME/bin/java" "${opts[@]}" -cp "${extra_cp:+$extra_cp:}$(bench_jar):$(cat "$CLASSPATH_FILE")" "$@"; }

echo "bench: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), $(nproc) cores"
if [[ "$which" == "all" || "$which" == "cold-start" ]]; then run herald.bench.ColdStartBench "$@"; fi
if [[ "$which" == "all" || "$which" == "end-to-end" ]]; then run herald.bench.EndToEndBench "$@"; fi
if [[ "$which" == "all" || "$which" == "sender-throughput" ]]; then
  # registers herald.bench.SdkCallTimer as a global SDK interceptor, for this bench only (the probes never see it)
  extra_cp="$BENCH/src/main/sdk-hooks"
  run herald.bench.SenderThroughputBench "$@"
  extra_cp=""
fi
if [[ "$which" == "all" || "$which" == "jmh" ]]; then run herald.bench.SegmentRulesBench "$@"; fi
if [[ "$which" == "all" || "$which" == "fanout" ]]; then
  extra_cp="$BENCH/src/main/sdk-hooks"   # SdkCallTimer, as for sender-throughput
  run herald.bench.FanoutBench "$@"
  extra_cp=""
fi
if [[ "$which" == "all" || "$which" == "import" ]]; then run herald.bench.ImportBench "$@"; fi
if [[ "$which" == "all" || "$which" == "import-read" ]]; then run herald.bench.ImportReadBench "$@"; fi
if [[ "$which" == "all" || "$which" == "codes" ]]; then
  extra_cp="$BENCH/src/main/sdk-hooks"   # SdkCallTimer counts the conditional writes that lost
  run herald.bench.CodesBench "$@"
  extra_cp=""
fi
if [[ "$which" == "all" || "$which" == "cost" ]]; then
  extra_cp="$BENCH/src/main/cost-hooks"   # CallCounter, a global SDK interceptor: every call counted, for this bench only
  run herald.bench.CostBench "$@"
  extra_cp=""
fi
if [[ "$which" == "scale" ]]; then   # on demand only: not part of "all"
  extra_cp="$BENCH/src/main/scale-hooks"   # AddedLatency, a global SDK interceptor: AWS-like latency, this bench only
  run herald.bench.ScaleBench "$@"
  extra_cp=""
fi

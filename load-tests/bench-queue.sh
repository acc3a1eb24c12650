#!/usr/bin/env bash
# Waiting-room benchmark: what `./mclass bench queue` runs, against the platform `./mclass up` started.
#
#   rush:    N students (default 5,000) rush a class an admin put behind the waiting room (rushProtected): one ticket
#            each, admissions checked in issue order against the admission log, admitted students' enroll latency
#            (target p99 <= 150 ms), exact seats, and a sample of watchers (default 200) on the live stream who must
#            see their place and final status (event delay commit -> client, target p99 <= 1 s);
#   streams: M anonymous live streams (default 5,000) held open at once through the gateway; RSS per stream of the
#            gateway + enrollment-service, and how fast a seat change reaches all of them.
#
# Last line: students=N tickets=N in_order=true|false join_p99_ms=N last_place_ms=N joins_turned_away=N enroll_p99_ms=N enroll_after_joining_p99_ms=N approved=N waitlisted=N watchers_ok=N/N
#            event_p99_ms=N client_cpu_pct=N streams=N kb_per_stream=N fanout_p99_ms=N
# Exit status: 0 when every check held, 1 when one broke, 2 when the benchmark could not run.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
GATEWAY_URL="${MCLASS_BENCH_GATEWAY_URL:-http://localhost:${MCLASS_GATEWAY_PORT:-8080}}"
students="${MCLASS_BENCH_QUEUE_STUDENTS:-5000}"
watchers="${MCLASS_BENCH_QUEUE_WATCHERS:-200}"
streams="${MCLASS_BENCH_QUEUE_STREAMS:-5000}"
joiners="${MCLASS_BENCH_QUEUE_JOINERS:-64}"

usage() {
  cat <<'USAGE'
Usage: ./mclass bench queue [options]          (or load-tests/bench-queue.sh [options])

Start the platform first (./mclass up, in another terminal). Its admission rate is MCLASS_QUEUE_ADMISSION_RATE
(default 100/s per class), set when it starts.

Options:
  --students N    students in the rush (default 5000; 0 skips the rush)
  --watchers N    of them, how many watch the live stream (default 200)
  --streams N     anonymous live streams held open at once (default 5000; 0 skips)
  --joiners N     places asked for at once, as a load balancer's connections carry them (default 64)
  -h, --help      this text

Environment: MCLASS_GATEWAY_PORT, MCLASS_ADMIN_EMAIL, MCLASS_ADMIN_PASSWORD. The machine needs file descriptors for
the streams (ulimit -n of the platform and of this client > 2 x streams + 1,000).
USAGE
}

while (($# > 0)); do
  case "$1" in
    --students) students="$2"; shift 2 ;;
    --watchers) watchers="$2"; shift 2 ;;
    --streams) streams="$2"; shift 2 ;;
    --joiners) joiners="$2"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "✗ Unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

if ! curl -sf -o /dev/null --max-time 5 "http://127.0.0.1:${MCLASS_GATEWAY_MANAGEMENT_PORT:-9080}/actuator/health/readiness"; then
  echo "✗ The gateway at $GATEWAY_URL is not ready: start the platform with ./mclass up first" >&2
  exit 2
fi
needed=$((2 * streams + 1000))
if (($(ulimit -n) < needed)); then
  ulimit -n "$needed" 2>/dev/null || echo "! ulimit -n is $(ulimit -n), below $needed: some streams may not open" >&2
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
classpath_file="$HERE/target/queue-bench.classpath"
(cd "$ROOT" && ./mvnw -q -B -f load-tests/pom.xml test-compile dependency:build-classpath \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test) || { echo "✗ could not build the benchmark" >&2; exit 2; }

set +e
"$java" -Xmx1g -cp "$HERE/target/test-classes:$(cat "$classpath_file")" \
  -Dgateway="$GATEWAY_URL" -Dstudents="$students" -Dwatchers="$watchers" -Dstreams="$streams" -Djoiners="$joiners" \
  -Dsessions="$HERE/target/bench/queue-sessions.csv" \
  com.mclass.loadtests.queue.QueueBench
status=$?
set -e
exit "$status"

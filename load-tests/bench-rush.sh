#!/usr/bin/env bash
# Enrollment-rush benchmark: what `./mclass bench rush` runs, against the platform `./mclass up` started.
#
#   1. checks that the gateway is ready;
#   2. runs the Gatling simulation RushSimulation through the Maven plugin (setup untimed: admin, a 200 + 100 class,
#      student tokens, warm-up; then the rush; then the invariant checks against availability and the admin list);
#   3. runs pgbench on the enrollment hot path (enrollment-service's own schema and statements) in a scratch database;
#   4. prints the table and, as its very last line:
#      attempts/s=N p99_ms=N approved=N waitlisted=N 5xx=N pgbench_tps=N
#
# Exit status: 0 when the rush kept every invariant (exact seats and waitlist, no 5xx, every request answered,
# replays identical); 1 when one broke; 2 when the benchmark could not run. Speed targets are reported, not enforced.
# See load-tests/README.md.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
TARGET="$HERE/target"
SIMULATION="com.mclass.loadtests.RushSimulation"
GATEWAY_URL="${MCLASS_BENCH_GATEWAY_URL:-http://localhost:${MCLASS_GATEWAY_PORT:-8080}}"
# Actuator (readiness, /actuator/prometheus) is on the services' management ports, never on the public one.
GATEWAY_ACTUATOR_URL="${MCLASS_BENCH_GATEWAY_ACTUATOR_URL:-http://localhost:${MCLASS_GATEWAY_MANAGEMENT_PORT:-9080}}"
ENROLLMENT_ACTUATOR_URL="${MCLASS_BENCH_ENROLLMENT_ACTUATOR_URL:-http://localhost:${MCLASS_ENROLLMENT_MANAGEMENT_PORT:-9083}}"

users="${MCLASS_BENCH_USERS:-5000}"
pgbench_seconds="${MCLASS_BENCH_PGBENCH_SECONDS:-10}"
pgbench_clients="${MCLASS_BENCH_PGBENCH_CLIENTS:-8}"
run_pgbench=1
gatling_options=()

usage() {
  cat <<'USAGE'
Usage: ./mclass bench rush [options]          (or load-tests/bench-rush.sh [options])

Start the platform first (./mclass up, in another terminal).

Options:
  --users N             students in the rush (default 5000; MCLASS_BENCH_USERS)
  --at-once             all students at the same instant (atOnceUsers) instead of the default ramp
  --ramp-ms N           arrive evenly over N ms (default: users at 3000/s, e.g. 1667 ms for 5000)
  --replay-share F      share of students who retry with the same Idempotency-Key (default 0.10)
  --warmup N            students who first enroll in a separate warm-up class, untimed (default min(users, 2000); 0 = cold)
  --pgbench-seconds N   length of each pgbench run (default 10)
  --no-pgbench          skip pgbench (pgbench_tps=0)
  -Dname=value          any other simulation setting (see BenchSettings), passed to Maven as is
  -h, --help            this text

Environment: MCLASS_GATEWAY_PORT, MCLASS_GATEWAY_MANAGEMENT_PORT, MCLASS_ENROLLMENT_MANAGEMENT_PORT, MCLASS_ADMIN_EMAIL, MCLASS_ADMIN_PASSWORD, MCLASS_DB_HOST, MCLASS_DB_PORT,
MCLASS_DB_USER, MCLASS_DB_PASSWORD (PostgreSQL for pgbench; default postgres@127.0.0.1:5432).
USAGE
}

while (($# > 0)); do
  case "$1" in
    --users) users="$2"; shift 2 ;;
    --users=*) users="${1#*=}"; shift ;;
    --at-once) gatling_options+=("-Dinjection=atOnce"); shift ;;
    --ramp-ms) gatling_options+=("-DrampMillis=$2"); shift 2 ;;
    --replay-share) gatling_options+=("-DreplayShare=$2"); shift 2 ;;
    --warmup) gatling_options+=("-Dwarmup=$2"); shift 2 ;;
    --pgbench-seconds) pgbench_seconds="$2"; shift 2 ;;
    --no-pgbench) run_pgbench=0; shift ;;
    -D*) gatling_options+=("$1"); shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "✗ Unknown option '$1'." >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$users" =~ ^[0-9]+$ ]] && ((users > 0)) || { echo "✗ --users needs a positive number, not '$users'." >&2; exit 2; }

if ! curl -sf -o /dev/null --max-time 5 "$GATEWAY_ACTUATOR_URL/actuator/health/readiness"; then
  echo "✗ The gateway at $GATEWAY_URL is not ready ($GATEWAY_ACTUATOR_URL/actuator/health/readiness): start the platform with ./mclass up first" >&2
  exit 2
fi

mkdir -p "$TARGET"
rm -f "$TARGET/rush-summary.env" "$TARGET/rush-summary.json" "$TARGET/rush-report.txt"

# ---- 1. the rush (Gatling) -------------------------------------------------------------------------------------
# listen_overflows: connections the kernel dropped because a listening socket's accept queue was full (Linux)
listen_overflows() {
  awk '/^TcpExt:/ { if (!n) { for (i = 1; i <= NF; i++) if ($i == "ListenOverflows") c = i; n = 1 } else { print $c; exit } }' \
    /proc/net/netstat 2>/dev/null || echo 0
}
overflows_before="$(listen_overflows)"
echo "▶ Rush: $users students through $GATEWAY_URL (setup first: tokens for $users students, cached in load-tests/target/bench-users.csv)"
gatling_log="$TARGET/bench-rush-gatling.log"
set +e
(cd "$ROOT" && ./mvnw -q -B -f load-tests/pom.xml gatling:test \
  "-Dgatling.simulationClass=$SIMULATION" "-Dusers=$users" "-DbaseUrl=$GATEWAY_URL" \
  "-DgatewayActuator=$GATEWAY_ACTUATOR_URL/actuator/prometheus" "-DenrollmentActuator=$ENROLLMENT_ACTUATOR_URL/actuator/prometheus" \
  "${gatling_options[@]}") 2>&1 \
  | tee "$gatling_log"
gatling_status=${PIPESTATUS[0]}
set -e
overflows=$(($(listen_overflows) - ${overflows_before:-0}))
if [[ ! -f "$TARGET/rush-summary.env" ]]; then
  echo "✗ The simulation produced no summary (Maven/Gatling exit status $gatling_status); see $gatling_log" >&2
  exit 2
fi
# shellcheck disable=SC1091 # written by RushReport
source "$TARGET/rush-summary.env"

# ---- 2. pgbench on the hot path (pgbench/run.sh: a scratch database with enrollment-service's schema) ------------
enroll_tps=0
refuse_tps=0
enroll_latency="n/a"
refuse_latency="n/a"
pgbench_note=""
if ((run_pgbench == 0)); then
  pgbench_note="skipped (--no-pgbench)"
else
  echo "▶ pgbench: enrollment-service's schema and hot-path statements in a scratch database ($pgbench_clients clients, ${pgbench_seconds} s per script)"
  : >"$TARGET/bench-rush-pgbench.log"
  set +e
  pgbench_lines="$(PGBENCH_LOG="$TARGET/bench-rush-pgbench.log" "$HERE/pgbench/run.sh" --seconds "$pgbench_seconds" \
    --clients "$pgbench_clients" enroll.sql refuse.sql)"
  pgbench_status=$?
  set -e
  case "$pgbench_status" in
    0) ;;
    3) pgbench_note="skipped: pgbench/psql not installed (apt-get install postgresql-client)" ;;
    *) pgbench_note="a pgbench script failed (see above)" ;;
  esac
  value() { sed -n "s/^$1=//p" <<<"$pgbench_lines" | tail -1; }
  enroll_tps="$(value enroll_tps)"; enroll_tps="${enroll_tps:-0}"
  refuse_tps="$(value refuse_tps)"; refuse_tps="${refuse_tps:-0}"
  enroll_latency="$(value enroll_ms)"; enroll_latency="${enroll_latency:-n/a}"
  refuse_latency="$(value refuse_ms)"; refuse_latency="${refuse_latency:-n/a}"
fi

# ---- 3. the table ----------------------------------------------------------------------------------------------
cat "$TARGET/rush-report.txt"
if ((overflows > 0)); then
  echo "TCP accept-queue overflows during the run: $overflows (connections the gateway did not accept in time; the client's"
  echo "  SYN is retried after 1 s, 3 s, 7 s…, which shows as client time before the gateway ever sees the request)"
fi
echo
echo "pgbench (scratch database, enrollment-service's schema, $pgbench_clients clients, -j 2, ${pgbench_seconds} s each)"
if [[ -n "$pgbench_note" ]]; then
  echo "  $pgbench_note"
fi
if ((run_pgbench == 1)) && [[ "$enroll_tps" != 0 || "$refuse_tps" != 0 ]]; then
  printf '  %-52s %9.0f tps  %8s ms avg\n' "enroll.sql: seat taken (hot row locked to durable commit)" "$enroll_tps" "$enroll_latency"
  printf '  %-52s %9.0f tps  %8s ms avg\n' "refuse.sql: CLASS_FULL stored with the key" "$refuse_tps" "$refuse_latency"
fi
echo
echo "details: load-tests/target/rush-summary.json, Gatling report under load-tests/target/gatling/, logs in load-tests/target/bench-rush-*.log"
printf 'attempts/s=%d p99_ms=%d approved=%d waitlisted=%d 5xx=%d pgbench_tps=%.0f\n' \
  "$RUSH_ATTEMPTS_PER_S" "$RUSH_P99_MS" "$RUSH_APPROVED" "$RUSH_WAITLISTED" "$RUSH_5XX" "$enroll_tps"
((RUSH_INVARIANTS_OK == 1)) || exit 1

#!/usr/bin/env bash
# The benchmark suite: what `./mclass bench [row…]` runs, against the platform `./mclass up` started.
#
# Rows (default: all, in this order): floor refuse seats rush browse signin pgbench. Each row is measured with wrk (a
# C load generator, one thread, keep-alive connections: what a load balancer in front of the gateway does), through
# the gateway and, where it means something, straight to the service; the rush also runs the Gatling simulation (one
# connection per student). The table goes to the terminal and load-tests/target/bench/bench-report.txt; the last
# lines are one line of name=value pairs per row (also in load-tests/target/bench/bench-summary.env).
#
# Exit status: 0 when every row ran and the rush kept its invariants; 1 when a rush invariant broke; 2 when the
# suite could not run (wrk missing, platform not up, build failed). See load-tests/README.md.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
TARGET="$HERE/target"
OUT="$TARGET/bench"
ALL_ROWS=(floor refuse seats rush browse signin pgbench)

gateway_port="${MCLASS_GATEWAY_PORT:-8080}"
auth_port="${MCLASS_AUTH_PORT:-8081}"
class_port="${MCLASS_CLASS_PORT:-8082}"
enrollment_port="${MCLASS_ENROLLMENT_PORT:-8083}"
GATEWAY="http://127.0.0.1:$gateway_port"

students="${MCLASS_BENCH_STUDENTS:-5000}"
seats_students="${MCLASS_BENCH_SEATS_STUDENTS:-2000}"
rush_students="${MCLASS_BENCH_RUSH_STUDENTS:-5000}"
seconds="${MCLASS_BENCH_SECONDS:-10}"
warmup="${MCLASS_BENCH_WARMUP_SECONDS:-5}"
signin_seconds="${MCLASS_BENCH_SIGNIN_SECONDS:-15}"
pgbench_seconds="${MCLASS_BENCH_PGBENCH_SECONDS:-10}"
connections=64
browse_connections=32
wrk_threads="${MCLASS_BENCH_WRK_THREADS:-1}"
run_gatling=1
gatling_extra=()
no_pgbench=0
rows=()

usage() {
  cat <<'USAGE'
Usage: ./mclass bench [row…] [options]          (or load-tests/bench.sh …)

Start the platform first (./mclass up, in another terminal; the MCLASS_*_PORT variables say where it listens).

Rows (default: all of them, in this order):
  floor     a bare Spring Cloud Gateway (RS256 JWT check only) in front of a trivial Boot endpoint, started here
  refuse    enroll into a sold-out class, a different student and a fresh Idempotency-Key per request
  seats     enroll into a class with room for everyone (capacity 100,000), each student once; + pgbench enroll.sql
  rush      5,000 students into a first-come class of 200 + 100 waitlist: wrk (64 keep-alive connections) with the
            invariants, then the Gatling simulation (one connection per student, load-tests/bench-rush.sh)
  browse    GET /api/mclasses with a student's token (32 connections), and anonymous from many client addresses
  signin    POST /api/auth/login storm, against this machine's bcrypt ceiling at the configured cost
  pgbench   the hot-path SQL alone (enroll.sql, refuse.sql)

Options:
  --students N          students (tokens) for refuse, browse and signin (default 5000; MCLASS_BENCH_STUDENTS)
  --seats-students N    students in each seats run (default 2000)
  --rush-students N     students in the rush (default 5000)
  --seconds N           measured seconds per wrk run (default 10)
  --warmup-seconds N    unmeasured wrk run before each measured one (default 5)
  --signin-seconds N    length of the sign-in storm (default 15)
  --pgbench-seconds N   length of each pgbench script (default 10)
  --no-gatling          the rush row without the Gatling run
  --no-pgbench          no pgbench anywhere (rows seats, pgbench and the Gatling rush)
  --users N, --at-once, --ramp-ms N, --replay-share F, --warmup N, -Dname=value
                        the Gatling rush's options (load-tests/bench-rush.sh --help); --users also sets --rush-students
  --quick               small counts for a first try (1000 students, 500 seats, 1000 rush, 5 s runs, 2 s warm-up)
  -h, --help            this text

Environment: MCLASS_GATEWAY_PORT MCLASS_AUTH_PORT MCLASS_CLASS_PORT MCLASS_ENROLLMENT_PORT (8080-8083),
MCLASS_ADMIN_EMAIL, MCLASS_ADMIN_PASSWORD, MCLASS_DB_* (pgbench), MCLASS_AUTH_BCRYPT_COST (as given to ./mclass up).
USAGE
}

while (($# > 0)); do
  case "$1" in
    floor | refuse | seats | rush | browse | signin | pgbench) rows+=("$1"); shift ;;
    all) rows+=("${ALL_ROWS[@]}"); shift ;;
    --students) students="$2"; shift 2 ;;
    --seats-students) seats_students="$2"; shift 2 ;;
    --rush-students) rush_students="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --warmup-seconds) warmup="$2"; shift 2 ;;
    # the Gatling rush's own options (load-tests/bench-rush.sh), as `./mclass bench rush` took them before
    --users) rush_students="$2"; shift 2 ;;
    --at-once) gatling_extra+=("$1"); shift ;;
    --ramp-ms | --replay-share | --warmup) gatling_extra+=("$1" "$2"); shift 2 ;;
    -D*) gatling_extra+=("$1"); shift ;;
    --no-pgbench) no_pgbench=1; shift ;;
    --signin-seconds) signin_seconds="$2"; shift 2 ;;
    --pgbench-seconds) pgbench_seconds="$2"; shift 2 ;;
    --no-gatling) run_gatling=0; shift ;;
    --quick) students=1000; seats_students=500; rush_students=1000; seconds=5; warmup=2; signin_seconds=8
      pgbench_seconds=5; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "✗ Unknown row or option '$1'." >&2; usage >&2; exit 2 ;;
  esac
done
((${#rows[@]} > 0)) || rows=("${ALL_ROWS[@]}")
for number in "$students" "$seats_students" "$rush_students" "$seconds" "$warmup" "$signin_seconds" "$pgbench_seconds"; do
  [[ "$number" =~ ^[0-9]+$ ]] || { echo "✗ Not a number: '$number'." >&2; exit 2; }
done
# the token file serves every row: as many students as the largest population among the rows that run
[[ " ${rows[*]} " != *" seats "* ]] || ((seats_students <= students)) || students=$seats_students
[[ " ${rows[*]} " != *" rush "* ]] || ((rush_students <= students)) || students=$rush_students

# ---- preconditions ----------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  echo "✗ wrk is not installed: apt-get install wrk (Debian/Ubuntu; https://github.com/wg/wrk elsewhere)" >&2
  exit 2
fi
java="${MCLASS_JAVA_HOME:-${JAVA_HOME:-}}"
if [[ -n "$java" && -x "$java/bin/java" ]]; then
  java="$java/bin/java"
elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
else
  java="$(command -v java)" || { echo "✗ No java found: set JAVA_HOME" >&2; exit 2; }
fi
# Readiness is on each service's management port (actuator never listens on the API port): port + 1000 unless set.
ready() { curl -sf -o /dev/null --max-time 5 "http://127.0.0.1:$1/actuator/health/readiness"; }
for service in "gateway ${MCLASS_GATEWAY_MANAGEMENT_PORT:-$((gateway_port + 1000))}" \
  "auth-service ${MCLASS_AUTH_MANAGEMENT_PORT:-$((auth_port + 1000))}" \
  "class-service ${MCLASS_CLASS_MANAGEMENT_PORT:-$((class_port + 1000))}" \
  "enrollment-service ${MCLASS_ENROLLMENT_MANAGEMENT_PORT:-$((enrollment_port + 1000))}"; do
  if ! ready "${service#* }"; then
    echo "✗ ${service%% *} is not ready (management port ${service#* }): start the platform with ./mclass up first (same MCLASS_*_PORT variables)" >&2
    exit 2
  fi
done

mkdir -p "$OUT"
run_id="$(date +%H%M%S)-$RANDOM"
report="$OUT/bench-report.txt"
summary="$OUT/bench-summary.env"
: >"$report"
: >"$summary"
say() { echo "$*" | tee -a "$report"; }
step() { echo "▶ $*"; }

# ---- build: the setup tool's classpath, the floor's two jars (nothing the running platform uses) ----------------
mvn_quiet() {
  # offline first (a populated local repository), then online
  (cd "$ROOT" && { ./mvnw -o -q -B "$@" || ./mvnw -q -B "$@"; }) >>"$OUT/build.log" 2>&1
}
step "Building the setup tool (load-tests test classes) and the floor (load-tests/floor-*) — log: $OUT/build.log"
: >"$OUT/build.log"
if ! mvn_quiet -f load-tests/pom.xml test-compile org.apache.maven.plugins:maven-dependency-plugin:3.7.0:build-classpath \
  "-Dmdep.outputFile=$OUT/classpath.txt" -Dmdep.includeScope=test; then
  echo "✗ Could not build load-tests; see $OUT/build.log" >&2
  exit 2
fi
CLASSPATH_TOOL="$TARGET/test-classes:$(cat "$OUT/classpath.txt")"
if [[ " ${rows[*]} " == *" floor "* ]]; then
  if ! mvn_quiet -pl load-tests/floor-gateway,load-tests/floor-endpoint -am -Dmaven.test.skip=true package; then
    echo "✗ Could not build the floor; see $OUT/build.log" >&2
    exit 2
  fi
fi

# tool <command> <args…>: BenchTool (setup through the public API, untimed), bounded in time
tool() {
  timeout 900 "$java" -XX:+UseSerialGC -Xmx512m -XX:TieredStopAtLevel=1 -cp "$CLASSPATH_TOOL" \
    "-DbaseUrl=$GATEWAY" "-Dload-tests.target=$TARGET" "-Dusers=$students" com.mclass.loadtests.BenchTool "$@"
}
# value <file> <name>: one name=value out of a file (empty when absent)
value() { sed -n "s/^$2=//p" "$1" 2>/dev/null | tail -1; }
num() { local v; v="$(value "$1" "$2")"; echo "${v:-0}"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
round() { awk -v a="$1" 'BEGIN { printf "%.0f", a }'; }

# students <n>: $OUT/tokens.txt (n tokens), logins.txt, filler.txt — fresh (< 5 min old: access tokens live 15 min,
# and the longest stretch between this check and the last request using them is a seats run with its email waits) and
# not superseded by a later sign-in of the same students (the Gatling rush refreshes their sessions)
students() {
  local n=$1 tokens="$OUT/tokens.txt" sessions="$TARGET/bench-sessions.csv"
  if [[ -f "$tokens" && $(wc -l <"$tokens") -ge $n && -z "$(find "$tokens" -mmin +5)" ]] \
    && { [[ ! -f "$sessions" ]] || [[ ! "$sessions" -nt "$tokens" ]]; }; then
    return
  fi
  step "Tokens for $n students (cached students refresh their session: no bcrypt; missing ones are registered once)"
  tool students "$n" "$OUT" >"$OUT/students.log" 2>&1 || { cat "$OUT/students.log" >&2; echo "✗ Could not obtain student tokens" >&2; exit 2; }
  grep -E "registered|ready \(" "$OUT/students.log" | tail -2 || true
  touch "$tokens"
}
# fresh_tokens <n> <file>: the first n tokens, fetched again first when no longer fresh; called right before each
# fixed-population run, since waiting for a quiet platform in between can take minutes
fresh_tokens() {
  students "$1"
  head -n "$1" "$OUT/tokens.txt" >"$2"
}
new_class() { # new_class <capacity> <waitlist> <title> [filler]: prints the id
  local id
  id="$(tool class "$@" 2>&1 | tee -a "$OUT/setup.log" | sed -n 's/^class_id=//p')"
  [[ -n "$id" ]] || { tail -20 "$OUT/setup.log" >&2; echo "✗ Could not create the class '$3'" >&2; exit 2; }
  echo "$id"
}
quiet() { tool quiet >>"$OUT/setup.log" 2>&1 || true; }

# ---- CPU per request, from /proc (Linux; empty elsewhere) -------------------------------------------------------
# This platform's processes, found by the ports they listen on (other platforms on the same machine run the same jars)
declare -A PLATFORM_PIDS=()
port_owner() { ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }
for entry in "gateway:$gateway_port" "auth-service:$auth_port" "class-service:$class_port" \
  "enrollment-service:$enrollment_port" "notification-service:${MCLASS_NOTIFICATION_PORT:-8084}" \
  "launcher:${MCLASS_KAFKA_PORT:-9092}"; do
  owner="$(port_owner "${entry#*:}")"
  [[ -z "$owner" ]] || PLATFORM_PIDS[$owner]="${entry%%:*}"
done
cpu_snapshot() { # cpu_snapshot <file>: "pid component ticks" per process, "machine busy ticks" first
  {
    awk 'NR == 1 { print "0 machine-busy", $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat 2>/dev/null || true
    local dir stat rest comm component cmd
    for dir in /proc/[0-9]*; do
      stat="$(cat "$dir/stat" 2>/dev/null)" || continue
      rest="${stat##*) }"
      comm="${stat#*(}"
      comm="${comm%%)*}"
      case "$comm" in
        postgres) component=postgresql ;;
        redis-server) component=redis ;;
        wrk) component=wrk ;;
        pgbench) component=pgbench ;;
        java)
          component="${PLATFORM_PIDS[${dir#/proc/}]:-}"
          if [[ -z "$component" ]]; then
            cmd="$(tr '\0' ' ' <"$dir/cmdline" 2>/dev/null)" || continue
            case "$cmd" in
              *BenchTool*) component=bench-tool ;;
              *) component=other-java ;; # another platform or build on the same machine
            esac
          fi ;;
        *) component=other ;;
      esac
      # shellcheck disable=SC2086 # fields of /proc/<pid>/stat after the command name
      set -- $rest
      echo "${dir#/proc/} $component $((${12} + ${13}))"
    done
  } >"$1"
}
# cpu_per_request <before> <after> <requests>: "component ms …" per request, busiest first
cpu_per_request() {
  local hz
  hz="$(getconf CLK_TCK 2>/dev/null || echo 100)"
  awk -v hz="$hz" -v n="$3" '
    FNR == NR { before[$1] = $3; next }
    ($1 in before) || $1 != 0 { used = $3 - (($1 in before) ? before[$1] : 0); if (used > 0) cpu[$2] += used }
    END {
      if (n <= 0) exit
      total = cpu["machine-busy"]
      printf "machine %.2f", total * 1000 / hz / n
      delete cpu["machine-busy"]
      m = 0
      for (c in cpu) order[++m] = c
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (cpu[order[j]] > cpu[order[i]]) { t = order[i]; order[i] = order[j]; order[j] = t }
      for (i = 1; i <= m && i <= 8; i++) if (cpu[order[i]] * 1000 / hz / n >= 0.01) printf " %s %.2f", order[i], cpu[order[i]] * 1000 / hz / n
      printf "\n"
    }' "$1" "$2"
}

# ---- wrk ----------------------------------------------------------------------------------------------------------
# measure <name> <url> <connections> <duration-s> [VAR=value…]: one wrk run of bench.lua; results in $OUT/<name>.txt
# (name=value lines, plus cpu_ms=… per request), wrk's own output in $OUT/<name>.wrk.log
measure() {
  local name=$1 url=$2 conns=$3 duration=$4
  shift 4
  local result="$OUT/$name.txt"
  rm -f "$result" "$result".finished.*
  cpu_snapshot "$OUT/$name.cpu-before"
  env BENCH_THREADS="$wrk_threads" BENCH_OUT="$result" "$@" \
    timeout $((duration + 120)) wrk -t "$wrk_threads" -c "$conns" -d "${duration}s" --timeout 30s --latency \
    -s "$HERE/wrk/bench.lua" "$url" >"$OUT/$name.wrk.log" 2>&1 &
  local wrk_pid=$!
  # A fixed-population run ends when every thread has its answers: the last thread SIGINTs wrk itself (bench.lua), but
  # when the kernel hands that signal to one of wrk's own threads instead of the sleeping main thread, the run went on
  # for its whole duration. Once every thread's marker is there, keep interrupting wrk (the child of timeout) from here.
  while kill -0 "$wrk_pid" 2>/dev/null; do
    sleep 1
    if (($(compgen -G "$result.finished.*" | wc -l) >= wrk_threads)); then
      sleep 1
      pkill -INT -P "$wrk_pid" -x wrk 2>/dev/null || true
    fi
  done
  wait "$wrk_pid" || true
  cpu_snapshot "$OUT/$name.cpu-after"
  rm -f "$result".finished.*
  if [[ ! -s "$result" ]]; then
    echo "requests=0" >"$result"
    echo "  (wrk produced no result: see $OUT/$name.wrk.log)"
  fi
  echo "cpu=$(cpu_per_request "$OUT/$name.cpu-before" "$OUT/$name.cpu-after" "$(num "$result" requests)")" >>"$result"
  rm -f "$OUT/$name.cpu-before" "$OUT/$name.cpu-after"
}
# statuses <file>: "201 ×n, 409 CLASS_FULL ×n, …, unanswered ×n"
statuses() {
  local file=$1
  {
    sed -n 's/^status_\(2[0-9][0-9]\)=\(.*\)/\1 ×\2/p' "$file"
    sed -n 's/^code_\([0-9]*\)_\(.*\)=\(.*\)/\1 \2 ×\3/p' "$file" | sed 's/ none / /'
    local timeouts open
    timeouts="$(num "$file" errors_timeout)"
    ((timeouts == 0)) || echo "unanswered after 30 s ×$timeouts"
    open="$(in_flight "$file")"
    ((open <= 0)) || echo "still open when the run ended ×$open"
    local broken=$(($(num "$file" errors_connect) + $(num "$file" errors_read) + $(num "$file" errors_write)))
    ((broken == 0)) || echo "socket errors ×$broken"
  } | sort | paste -sd ',' - | sed 's/,/, /g'
}
# in_flight <file>: requests sent but neither answered nor timed out when wrk stopped (a duration-bounded run)
in_flight() {
  local sent
  sent="$(value "$1" sent)"
  [[ -n "$sent" ]] || { echo 0; return; }
  echo $((sent - $(num "$1" requests) - $(num "$1" errors_timeout)))
}
# line <label> <file> <divisor-label>: one table line for a measured run
table_line() {
  local label=$1 file=$2
  say "$(printf '  %-34s %9s/s  p50 %7s ms  p99 %7s ms   %s' "$label" "$(round "$(num "$file" rps)")" \
    "$(num "$file" p50_ms)" "$(num "$file" p99_ms)" "$(statuses "$file")")"
  say "$(printf '  %-34s CPU ms per request: %s' "" "$(value "$file" cpu)")"
}
emit() { # emit <name=value…>: one row's line
  echo "$*" >>"$summary"
}
floor_rps=""
floor_note="measured in this run"
if [[ -f "$OUT/floor.txt" && " ${rows[*]} " != *" floor "* ]]; then
  # a row alone is still compared with the last floor measured on this machine, and says so
  floor_rps="$(num "$OUT/floor.txt" rps)"
  floor_note="from an earlier run, $(date -u -r "$OUT/floor.txt" +%FT%TZ)"
fi
share_of_floor() { [[ -n "$floor_rps" ]] && ratio "$1" "$floor_rps" || echo n/a; }

enroll_path() { echo "/api/mclasses/$1/enrollments"; }
ENROLL_BODY='{"answers":{}}'

# ---- rows -------------------------------------------------------------------------------------------------------
FLOOR_PIDS=()
stop_floor() {
  local pid
  for pid in "${FLOOR_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${FLOOR_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  FLOOR_PIDS=()
}
trap stop_floor EXIT
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
row_floor() {
  students "$students"
  local endpoint_port gateway_port_floor token deadline status
  endpoint_port="$(free_port)"
  gateway_port_floor="$(free_port)"
  step "floor: starting floor-endpoint on :$endpoint_port and floor-gateway on :$gateway_port_floor (JWKS of auth-service :$auth_port)"
  # the JVM options of the platform's hot-path services (C2, SerialGC, 512 MB)
  "$java" -XX:+UseSerialGC -Xss512k -Xmx512m -jar "$HERE/floor-endpoint/target/floor-endpoint.jar" \
    "--server.port=$endpoint_port" >"$OUT/floor-endpoint.log" 2>&1 &
  FLOOR_PIDS+=($!)
  PLATFORM_PIDS[$!]=floor-endpoint
  "$java" -XX:+UseSerialGC -Xss512k -Xmx512m -jar "$HERE/floor-gateway/target/floor-gateway.jar" \
    "--server.port=$gateway_port_floor" "--FLOOR_ENDPOINT_URL=http://127.0.0.1:$endpoint_port" \
    "--FLOOR_JWKS_URI=http://127.0.0.1:$auth_port/.well-known/jwks.json" \
    >"$OUT/floor-gateway.log" 2>&1 &
  FLOOR_PIDS+=($!)
  PLATFORM_PIDS[$!]=floor-gateway
  token="$(head -1 "$OUT/tokens.txt")"
  deadline=$((SECONDS + 120))
  status=0
  while ((SECONDS < deadline)); do
    status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -X POST -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d "$ENROLL_BODY" "http://127.0.0.1:$gateway_port_floor/api/mclasses/x/enrollments" || true)"
    [[ "$status" == 200 ]] && break
    sleep 1
  done
  if [[ "$status" != 200 ]]; then
    echo "✗ The floor did not answer 200 within 120 s (last: $status); see $OUT/floor-*.log" >&2
    stop_floor
    emit "floor_error=no_200_in_120s_last_$status"
    return
  fi
  local path
  path="$(enroll_path "$(cat /proc/sys/kernel/random/uuid)")"
  local request=(BENCH_METHOD=POST "BENCH_PATH=$path" "BENCH_BODY=$ENROLL_BODY" "BENCH_TOKENS=$OUT/tokens.txt" "BENCH_KEYS=floor-$run_id")
  # Both JVMs start cold here, while the platform has served for a while: warm-up runs until the rate stops rising
  # (less than 10 % more than the run before, at least three runs) or for 60 s at most.
  step "floor: warm-up until the rate settles (${warmup} s runs, 60 s at most), then ${seconds} s through floor-gateway, then ${seconds} s to floor-endpoint alone"
  local warmed=0 last=0 rate
  while ((warmed < 60)); do
    measure floor-warmup "http://127.0.0.1:$gateway_port_floor" "$connections" "$warmup" "${request[@]}"
    rate="$(num "$OUT/floor-warmup.txt" rps)"
    warmed=$((warmed + warmup))
    echo "  warm-up: $(round "$rate")/s"
    if ((warmed >= 3 * warmup)) && awk -v r="$rate" -v l="$last" 'BEGIN { exit !(r <= l * 1.1) }'; then
      break
    fi
    last="$rate"
  done
  measure floor "http://127.0.0.1:$gateway_port_floor" "$connections" "$seconds" "${request[@]}"
  measure floor-endpoint "http://127.0.0.1:$endpoint_port" "$connections" "$seconds" "${request[@]}"
  stop_floor
  floor_rps="$(num "$OUT/floor.txt" rps)"
  say ""
  say "floor — bare Spring Cloud Gateway (RS256 JWT against the platform's JWKS, one route) → trivial Boot MVC endpoint, POST, $connections connections"
  table_line "through floor-gateway" "$OUT/floor.txt"
  table_line "floor-endpoint alone" "$OUT/floor-endpoint.txt"
  emit "floor_rps=$(round "$floor_rps") floor_p50_ms=$(num "$OUT/floor.txt" p50_ms) floor_p99_ms=$(num "$OUT/floor.txt" p99_ms)" \
    "floor_endpoint_rps=$(round "$(num "$OUT/floor-endpoint.txt" rps)") floor_gw_share_of_endpoint=$(ratio "$floor_rps" "$(num "$OUT/floor-endpoint.txt" rps)")" \
    "floor_non2xx=$(($(num "$OUT/floor.txt" requests) - $(num "$OUT/floor.txt" s2xx)))"
}

row_refuse() {
  students "$students"
  step "refuse: a sold-out class (capacity 1, no waitlist, taken by one student)"
  local class_id path
  class_id="$(new_class 1 0 "Bench sold-out $run_id" "$OUT/filler.txt")"
  path="$(enroll_path "$class_id")"
  local request=(BENCH_METHOD=POST "BENCH_PATH=$path" "BENCH_BODY=$ENROLL_BODY" "BENCH_TOKENS=$OUT/tokens.txt" "BENCH_KEYS=refuse-$run_id")
  step "refuse: warm-up ${warmup} s, ${seconds} s through the gateway, warm-up, ${seconds} s straight to enrollment-service"
  measure refuse-gw-warmup "$GATEWAY" "$connections" "$warmup" "${request[@]}"
  measure refuse-gw "$GATEWAY" "$connections" "$seconds" "${request[@]}"
  measure refuse-direct-warmup "http://127.0.0.1:$enrollment_port" "$connections" "$warmup" "${request[@]}"
  measure refuse-direct "http://127.0.0.1:$enrollment_port" "$connections" "$seconds" "${request[@]}"
  local gw direct
  gw="$(num "$OUT/refuse-gw.txt" rps)"
  direct="$(num "$OUT/refuse-direct.txt" rps)"
  say ""
  say "refuse — enroll into a sold-out class, a different student and a fresh Idempotency-Key per request, $connections connections"
  table_line "through the gateway" "$OUT/refuse-gw.txt"
  table_line "straight to enrollment-service" "$OUT/refuse-direct.txt"
  say "$(printf '  %-34s gateway ÷ direct %s, gateway ÷ floor %s' "" "$(ratio "$gw" "$direct")" "$(share_of_floor "$gw")")"
  emit "refuse_gw_rps=$(round "$gw") refuse_gw_p50_ms=$(num "$OUT/refuse-gw.txt" p50_ms) refuse_gw_p99_ms=$(num "$OUT/refuse-gw.txt" p99_ms)" \
    "refuse_direct_rps=$(round "$direct") refuse_direct_p99_ms=$(num "$OUT/refuse-direct.txt" p99_ms)" \
    "refuse_ratio_gw_direct=$(ratio "$gw" "$direct") refuse_share_of_floor=$(share_of_floor "$gw")" \
    "refuse_gw_non409=$(($(num "$OUT/refuse-gw.txt" requests) - $(num "$OUT/refuse-gw.txt" status_409)))" \
    "refuse_gw_5xx=$(num "$OUT/refuse-gw.txt" s5xx) refuse_direct_5xx=$(num "$OUT/refuse-direct.txt" s5xx)"
}

pgbench_enroll_tps=""
pgbench_refuse_tps=""
run_pgbench() { # run_pgbench <scripts…>
  local lines status=0
  lines="$(PGBENCH_LOG="$OUT/pgbench.log" timeout 300 "$HERE/pgbench/run.sh" --seconds "$pgbench_seconds" "$@" 2>>"$OUT/pgbench.log")" || status=$?
  if ((status == 3)); then
    echo "  pgbench skipped: pgbench/psql not installed (apt-get install postgresql-client)"
  fi
  local v
  v="$(sed -n 's/^enroll_tps=//p' <<<"$lines")"; [[ -z "$v" ]] || pgbench_enroll_tps="$v"
  v="$(sed -n 's/^refuse_tps=//p' <<<"$lines")"; [[ -z "$v" ]] || pgbench_refuse_tps="$v"
  echo "$lines" >"$OUT/pgbench.txt"
}

row_seats() {
  students "$students"
  local tokens="$OUT/seats-tokens.txt" gw_class direct_class
  step "seats: two classes with room for everyone (capacity 100,000), $seats_students students each (once), gateway then direct"
  gw_class="$(new_class 100000 0 "Bench seats gateway $run_id")"
  direct_class="$(new_class 100000 0 "Bench seats direct $run_id")"
  quiet
  fresh_tokens "$seats_students" "$tokens"
  measure seats-gw "$GATEWAY" "$connections" 300 BENCH_METHOD=POST "BENCH_PATH=$(enroll_path "$gw_class")" \
    "BENCH_BODY=$ENROLL_BODY" "BENCH_TOKENS=$tokens" "BENCH_KEYS=seats-gw-$run_id" BENCH_ONCE=1
  step "seats: waiting until the gateway run's emails are sent"
  quiet
  fresh_tokens "$seats_students" "$tokens"
  measure seats-direct "http://127.0.0.1:$enrollment_port" "$connections" 300 BENCH_METHOD=POST \
    "BENCH_PATH=$(enroll_path "$direct_class")" "BENCH_BODY=$ENROLL_BODY" "BENCH_TOKENS=$tokens" "BENCH_KEYS=seats-direct-$run_id" BENCH_ONCE=1
  quiet
  if [[ -z "$pgbench_enroll_tps" ]] && ((no_pgbench == 0)); then
    step "seats: pgbench enroll.sql (${pgbench_seconds} s)"
    run_pgbench enroll.sql
  fi
  local gw direct
  gw="$(awk -v n="$(num "$OUT/seats-gw.txt" status_201)" -v s="$(num "$OUT/seats-gw.txt" seconds)" 'BEGIN { printf "%.1f", (s > 0) ? n / s : 0 }')"
  direct="$(awk -v n="$(num "$OUT/seats-direct.txt" status_201)" -v s="$(num "$OUT/seats-direct.txt" seconds)" 'BEGIN { printf "%.1f", (s > 0) ? n / s : 0 }')"
  say ""
  say "seats — enroll into a class with room for everyone, $seats_students students once each, $connections connections (rate = seats ÷ time to the last answer)"
  table_line "through the gateway" "$OUT/seats-gw.txt"
  table_line "straight to enrollment-service" "$OUT/seats-direct.txt"
  say "$(printf '  %-34s seats/s gateway %s, direct %s; pgbench enroll.sql %s tps; gateway ÷ pgbench %s, gateway ÷ direct %s, gateway ÷ floor %s' \
    "" "$(round "$gw")" "$(round "$direct")" "$(round "${pgbench_enroll_tps:-0}")" "$(ratio "$gw" "${pgbench_enroll_tps:-0}")" \
    "$(ratio "$gw" "$direct")" "$(share_of_floor "$gw")")"
  emit "seats_gw_per_s=$(round "$gw") seats_gw_p99_ms=$(num "$OUT/seats-gw.txt" p99_ms) seats_direct_per_s=$(round "$direct")" \
    "seats_direct_p99_ms=$(num "$OUT/seats-direct.txt" p99_ms) seats_ratio_gw_direct=$(ratio "$gw" "$direct")" \
    "pgbench_enroll_tps=$(round "${pgbench_enroll_tps:-0}") seats_share_of_pgbench=$(ratio "$gw" "${pgbench_enroll_tps:-0}")" \
    "seats_share_of_floor=$(share_of_floor "$gw") seats_gw_5xx=$(num "$OUT/seats-gw.txt" s5xx)" \
    "seats_gw_not_seated=$(($(num "$OUT/seats-gw.txt" requests) - $(num "$OUT/seats-gw.txt" status_201)))"
}

rush_broken=0
row_rush() {
  students "$rush_students"
  local tokens="$OUT/rush-tokens.txt" class_id file="$OUT/rush-wrk.txt"
  step "rush (wrk): a first-come class of 200 + 100 waitlist, $rush_students students over $connections keep-alive connections, 10 % replaying"
  class_id="$(new_class 200 100 "Bench rush $run_id")"
  quiet
  fresh_tokens "$rush_students" "$tokens"
  measure rush-wrk "$GATEWAY" "$connections" 300 BENCH_METHOD=POST "BENCH_PATH=$(enroll_path "$class_id")" \
    "BENCH_BODY=$ENROLL_BODY" "BENCH_TOKENS=$tokens" "BENCH_KEYS=rush-$run_id" BENCH_REPLAY_SHARE=0.10
  tool verdict "$class_id" >"$OUT/rush-verdict.txt" 2>>"$OUT/setup.log" || true
  local expected_replays=$((rush_students / 10)) problems=()
  (($(num "$OUT/rush-verdict.txt" approved) == 200)) || problems+=("availability approved=$(num "$OUT/rush-verdict.txt" approved)")
  (($(num "$OUT/rush-verdict.txt" waitlisted) == 100)) || problems+=("availability waitlisted=$(num "$OUT/rush-verdict.txt" waitlisted)")
  (($(num "$OUT/rush-verdict.txt" admin_approved) == 200)) || problems+=("admin list APPROVED=$(num "$OUT/rush-verdict.txt" admin_approved)")
  (($(num "$OUT/rush-verdict.txt" admin_waitlisted) == 100)) || problems+=("admin list WAITLISTED=$(num "$OUT/rush-verdict.txt" admin_waitlisted)")
  (($(num "$file" placement_APPROVED) == 200)) || problems+=("201 APPROVED seen=$(num "$file" placement_APPROVED)")
  (($(num "$file" placement_WAITLISTED) == 100)) || problems+=("201 WAITLISTED seen=$(num "$file" placement_WAITLISTED)")
  (($(num "$file" first) == rush_students)) || problems+=("first answers=$(num "$file" first) of $rush_students")
  (($(num "$file" code_409_CLASS_FULL) == $(num "$file" status_409))) || problems+=("409 other than CLASS_FULL")
  (($(num "$file" status_201) + $(num "$file" status_409) == $(num "$file" requests))) || problems+=("answers other than 201/409")
  (($(num "$file" s5xx) == 0)) || problems+=("5xx=$(num "$file" s5xx)")
  (($(num "$file" replays) == expected_replays)) || problems+=("replays answered as replays=$(num "$file" replays) of $expected_replays")
  (($(num "$file" replay_different) == 0)) || problems+=("replays different=$(num "$file" replay_different)")
  (($(num "$file" errors_timeout) == 0)) || problems+=("unanswered=$(num "$file" errors_timeout)")
  local invariants=ok
  if ((${#problems[@]} > 0)); then
    invariants=BROKEN
    rush_broken=1
  fi
  local attempts
  attempts="$(num "$file" rps)"
  say ""
  say "rush — $rush_students students into a first-come class of 200 + 100 waitlist, 10 % send the same request again"
  table_line "wrk, $connections keep-alive connections" "$file"
  say "$(printf '  %-34s invariants %s: platform %s approved + %s waitlisted (admin list %s + %s), %s replays byte-identical%s' "" \
    "$invariants" "$(num "$OUT/rush-verdict.txt" approved)" "$(num "$OUT/rush-verdict.txt" waitlisted)" \
    "$(num "$OUT/rush-verdict.txt" admin_approved)" "$(num "$OUT/rush-verdict.txt" admin_waitlisted)" \
    "$(num "$file" replay_identical)" "${problems[*]:+; broken: ${problems[*]}}")"
  local line="rush_wrk_attempts_per_s=$(round "$attempts") rush_wrk_p99_ms=$(num "$file" p99_ms) rush_wrk_invariants=$invariants"
  line+=" rush_wrk_5xx=$(num "$file" s5xx) rush_share_of_floor=$(share_of_floor "$attempts")"
  if ((run_gatling == 1)); then
    step "rush (Gatling, one connection per student): load-tests/bench-rush.sh --users $rush_students — log: $OUT/rush-gatling.log"
    local gatling_options=(--users "$rush_students" "${gatling_extra[@]}")
    [[ " ${rows[*]} " != *" pgbench "* ]] && ((no_pgbench == 0)) || gatling_options+=(--no-pgbench)
    local gatling_status=0
    timeout 1500 "$HERE/bench-rush.sh" "${gatling_options[@]}" >"$OUT/rush-gatling.log" 2>&1 || gatling_status=$?
    if [[ -f "$TARGET/rush-summary.env" ]] && ((gatling_status != 2)); then
      # shellcheck disable=SC1091 # written by RushReport
      source "$TARGET/rush-summary.env"
      local gatling_invariants=ok
      ((RUSH_INVARIANTS_OK == 1)) || { gatling_invariants=BROKEN; rush_broken=1; }
      say "$(printf '  %-34s %9s/s               p99 %7s ms   approved %s, waitlisted %s, 5xx %s, invariants %s' \
        "Gatling, a connection per student" "$RUSH_ATTEMPTS_PER_S" "$RUSH_P99_MS" "$RUSH_APPROVED" "$RUSH_WAITLISTED" "$RUSH_5XX" "$gatling_invariants")"
      say "$(printf '  %-34s (table: load-tests/target/rush-report.txt; last line: %s)' "" "$(tail -1 "$OUT/rush-gatling.log")")"
      line+=" rush_gatling_attempts_per_s=$RUSH_ATTEMPTS_PER_S rush_gatling_p99_ms=$RUSH_P99_MS rush_gatling_invariants=$gatling_invariants"
      line+=" rush_gatling_5xx=$RUSH_5XX"
    else
      say "  Gatling rush did not run (exit $gatling_status): see $OUT/rush-gatling.log"
      line+=" rush_gatling_attempts_per_s=0 rush_gatling_error=exit_$gatling_status"
    fi
  fi
  emit "$line"
}

row_browse() {
  students "$students"
  step "browse: GET /api/mclasses — ${warmup} s warm-up, ${seconds} s through the gateway with tokens, direct to class-service, anonymous from many addresses"
  local request=(BENCH_METHOD=GET BENCH_PATH=/api/mclasses "BENCH_TOKENS=$OUT/tokens.txt")
  measure browse-gw-warmup "$GATEWAY" "$browse_connections" "$warmup" "${request[@]}"
  measure browse-gw "$GATEWAY" "$browse_connections" "$seconds" "${request[@]}"
  measure browse-direct-warmup "http://127.0.0.1:$class_port" "$browse_connections" "$warmup" "${request[@]}"
  measure browse-direct "http://127.0.0.1:$class_port" "$browse_connections" "$seconds" "${request[@]}"
  measure browse-anon "$GATEWAY" "$browse_connections" "$seconds" BENCH_METHOD=GET BENCH_PATH=/api/mclasses BENCH_XFF=1
  local gw direct anon limited
  gw="$(num "$OUT/browse-gw.txt" rps)"
  direct="$(num "$OUT/browse-direct.txt" rps)"
  anon="$(num "$OUT/browse-anon.txt" rps)"
  limited="$(num "$OUT/browse-anon.txt" status_429)"
  say ""
  say "browse — GET /api/mclasses, $browse_connections connections"
  table_line "gateway, a student's token each" "$OUT/browse-gw.txt"
  table_line "straight to class-service" "$OUT/browse-direct.txt"
  table_line "gateway, anonymous, X-Forwarded-For" "$OUT/browse-anon.txt"
  say "$(printf '  %-34s gateway ÷ direct %s, gateway ÷ floor %s' "" "$(ratio "$gw" "$direct")" "$(share_of_floor "$gw")")"
  if awk -v l="$limited" -v n="$(num "$OUT/browse-anon.txt" requests)" 'BEGIN { exit !(n > 0 && l > n / 10) }'; then
    say "  note: $limited × 429 anonymous: the gateway does not believe X-Forwarded-For from 127.0.0.1, so every request"
    say "        counts against this one address; start the platform with MCLASS_GATEWAY_TRUSTED_PROXIES=127.0.0.1/32 for this line"
  fi
  emit "browse_gw_rps=$(round "$gw") browse_gw_p99_ms=$(num "$OUT/browse-gw.txt" p99_ms) browse_direct_rps=$(round "$direct")" \
    "browse_direct_p99_ms=$(num "$OUT/browse-direct.txt" p99_ms) browse_ratio_gw_direct=$(ratio "$gw" "$direct")" \
    "browse_anon_rps=$(round "$anon") browse_anon_p99_ms=$(num "$OUT/browse-anon.txt" p99_ms) browse_anon_429=$limited" \
    "browse_share_of_floor=$(share_of_floor "$gw") browse_gw_non2xx=$(($(num "$OUT/browse-gw.txt" requests) - $(num "$OUT/browse-gw.txt" s2xx)))"
}

row_signin() {
  students "$students"
  local cost cores
  cost="${MCLASS_AUTH_BCRYPT_COST:-$(sed -n 's/.*bcrypt-cost: *\${MCLASS_AUTH_BCRYPT_COST:\([0-9]*\)}.*/\1/p' \
    "$ROOT/auth-service/src/main/resources/application.yml" | head -1)}"
  cost="${cost:-10}"
  cores="$(nproc)"
  step "signin: bcrypt ceiling at cost $cost on $cores threads (5 s), then a ${signin_seconds} s storm of POST /api/auth/login"
  tool bcrypt "$cost" "$cores" 5 >"$OUT/bcrypt.txt" 2>>"$OUT/setup.log" || true
  local ceiling
  ceiling="$(num "$OUT/bcrypt.txt" bcrypt_per_s)"
  measure signin "$GATEWAY" "$connections" "$signin_seconds" BENCH_METHOD=POST BENCH_PATH=/api/auth/login \
    "BENCH_BODIES=$OUT/logins.txt"
  local file="$OUT/signin.txt" ok per_s
  ok="$(num "$file" status_200)"
  per_s="$(awk -v n="$ok" -v s="$(num "$file" seconds)" 'BEGIN { printf "%.1f", (s > 0) ? n / s : 0 }')"
  local errors=$(($(num "$file" requests) - ok - $(num "$file" retry_after_503)))
  say ""
  say "signin — POST /api/auth/login, distinct registered students, $connections connections, ${signin_seconds} s (bcrypt cost $cost)"
  table_line "through the gateway" "$file"
  say "$(printf '  %-34s sign-ins/s %s; bcrypt ceiling of this machine %s/s (%s threads, %s ms per check); share of the ceiling %s' \
    "" "$per_s" "$(round "$ceiling")" "$cores" "$(num "$OUT/bcrypt.txt" bcrypt_ms)" "$(ratio "$per_s" "$ceiling")")"
  say "$(printf '  %-34s 503 with Retry-After %s, other errors %s, unanswered after 30 s %s, still open at the end %s' "" \
    "$(num "$file" retry_after_503)" "$errors" "$(num "$file" errors_timeout)" "$(in_flight "$file")")"
  emit "signin_per_s=$per_s signin_p50_ms=$(num "$file" p50_ms) signin_p99_ms=$(num "$file" p99_ms) signin_ceiling_per_s=$(round "$ceiling")" \
    "signin_share_of_ceiling=$(ratio "$per_s" "$ceiling") signin_503_retry_after=$(num "$file" retry_after_503)" \
    "signin_errors=$errors signin_unanswered=$(num "$file" errors_timeout) signin_open_at_end=$(in_flight "$file") bcrypt_cost=$cost"
}

row_pgbench() {
  step "pgbench: enroll.sql and refuse.sql, ${pgbench_seconds} s each, in a scratch database"
  quiet
  run_pgbench enroll.sql refuse.sql
  say ""
  say "pgbench — enrollment-service's hot-path SQL alone (scratch database, 8 clients)"
  say "$(printf '  %-34s %9s tps  %s ms average' "enroll.sql (seat taken)" "$(round "${pgbench_enroll_tps:-0}")" "$(num "$OUT/pgbench.txt" enroll_ms)")"
  say "$(printf '  %-34s %9s tps  %s ms average' "refuse.sql (CLASS_FULL stored)" "$(round "${pgbench_refuse_tps:-0}")" "$(num "$OUT/pgbench.txt" refuse_ms)")"
  emit "pgbench_enroll_tps=$(round "${pgbench_enroll_tps:-0}") pgbench_refuse_tps=$(round "${pgbench_refuse_tps:-0}")"
}

say "MClass benchmark $(date -u +%FT%TZ) — $(nproc) cores, gateway $GATEWAY, rows: ${rows[*]}"
say "wrk: $wrk_threads thread, keep-alive connections; ${warmup} s warm-up then ${seconds} s per measured run unless a row says otherwise"
say "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (anything well above 0 means other work shares the cores: see other-java/other in the CPU lines)"
# pgbench before seats when both run (on a quiet platform), so that seats uses its enroll.sql figure
if [[ " ${rows[*]} " == *" seats "* && " ${rows[*]} " == *" pgbench "* ]]; then
  ordered=()
  for row in "${rows[@]}"; do
    [[ "$row" == pgbench ]] && continue
    [[ "$row" == seats ]] && ordered+=(pgbench)
    ordered+=("$row")
  done
  rows=("${ordered[@]}")
fi
if ((no_pgbench == 1)); then
  ordered=()
  for row in "${rows[@]}"; do [[ "$row" == pgbench ]] || ordered+=("$row"); done
  rows=("${ordered[@]}")
fi
for row in "${rows[@]}"; do
  "row_$row"
done

# ---- side by side ------------------------------------------------------------------------------------------------
# A row that failed half-way (a floor that never answered 200, a setup that timed out) leaves some of its values out:
# the table prints them empty instead of stopping the report.
set +u
declare -A V=()
for pair in $(cat "$summary"); do V[${pair%%=*}]="${pair#*=}"; done
side() { # side <row> <rate> <p99> <direct> <gw÷direct> <share of floor> <other>
  say "$(printf '  %-30s %9s %9s %9s %9s %9s   %s' "$@")"
}
say ""
say "side by side (rates per second; ÷floor: the bare gateway's rate, ${floor_rps:-not measured} /s, $floor_note)"
side "row" "rate/s" "p99 ms" "direct/s" "gw÷direct" "÷floor" ""
if [[ -n "${V[floor_error]}" ]]; then
  side floor "" "" "" "" "" "not measured: ${V[floor_error]} (see $OUT/floor-*.log)"
elif [[ -n "${V[floor_rps]}" ]]; then
  side floor "${V[floor_rps]}" "${V[floor_p99_ms]}" "${V[floor_endpoint_rps]}" \
    "${V[floor_gw_share_of_endpoint]}" 1.00 "(direct = the trivial endpoint alone)"
fi
[[ -z "${V[refuse_gw_rps]:-}" ]] || side "refuse (sold out)" "${V[refuse_gw_rps]}" "${V[refuse_gw_p99_ms]}" \
  "${V[refuse_direct_rps]}" "${V[refuse_ratio_gw_direct]}" "${V[refuse_share_of_floor]}" ""
[[ -z "${V[seats_gw_per_s]:-}" ]] || side "seats" "${V[seats_gw_per_s]}" "${V[seats_gw_p99_ms]}" "${V[seats_direct_per_s]}" \
  "${V[seats_ratio_gw_direct]}" "${V[seats_share_of_floor]}" "÷ pgbench ${V[seats_share_of_pgbench]}"
[[ -z "${V[rush_wrk_attempts_per_s]:-}" ]] || side "rush (wrk)" "${V[rush_wrk_attempts_per_s]}" "${V[rush_wrk_p99_ms]}" "" "" \
  "${V[rush_share_of_floor]}" "invariants ${V[rush_wrk_invariants]}"
[[ -z "${V[rush_gatling_p99_ms]:-}" ]] || side "rush (Gatling)" "${V[rush_gatling_attempts_per_s]}" "${V[rush_gatling_p99_ms]}" "" "" \
  "$(share_of_floor "${V[rush_gatling_attempts_per_s]}")" "invariants ${V[rush_gatling_invariants]}"
[[ -z "${V[browse_gw_rps]:-}" ]] || side "browse (token)" "${V[browse_gw_rps]}" "${V[browse_gw_p99_ms]}" "${V[browse_direct_rps]}" \
  "${V[browse_ratio_gw_direct]}" "${V[browse_share_of_floor]}" ""
[[ -z "${V[browse_anon_rps]:-}" ]] || side "browse (anonymous)" "${V[browse_anon_rps]}" "${V[browse_anon_p99_ms]}" "" "" \
  "$(share_of_floor "${V[browse_anon_rps]}")" "429: ${V[browse_anon_429]}"
[[ -z "${V[signin_per_s]:-}" ]] || side "signin" "${V[signin_per_s]}" "${V[signin_p99_ms]}" "" "" \
  "$(share_of_floor "${V[signin_per_s]}")" "÷ bcrypt ceiling ${V[signin_share_of_ceiling]} (${V[signin_ceiling_per_s]}/s)"
[[ -z "${V[pgbench_refuse_tps]:-}" ]] || side "pgbench" "${V[pgbench_enroll_tps]}" "" "" "" "" \
  "enroll.sql; refuse.sql ${V[pgbench_refuse_tps]} tps"

say ""
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
say "— lines (also in load-tests/target/bench/bench-summary.env) —"
tee -a "$report" <"$summary"
((rush_broken == 0)) || exit 1

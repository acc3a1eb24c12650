#!/usr/bin/env bash
# Two gateway variants and the bare floor gateway side by side, each in front of the trivial floor endpoint: what one
# gateway change costs or saves, without the services' noise. Needs the platform up (auth-service's JWKS, Redis) and
# fresh tokens in load-tests/target/bench/tokens.txt (any `./mclass bench` row writes them, e.g. `./mclass bench floor
# --quick`). Each variant runs in its own JVM on its own port; rounds are interleaved (A, B, floor, A, B, floor, …).
#
#   load-tests/gateway-ab.sh <gateway-jar-A> <gateway-jar-B>     (the same jar twice to compare settings)
#   A_ENV / B_ENV   extra environment of A / B, e.g. A_ENV="SPRING_REACTOR_CONTEXTPROPAGATION=auto"
#   ROUNDS (3), SECONDS_PER_RUN (15), WARMUP_RUNS (2 × 20 s per variant)
#
# Prints one line per run: req/s and the variant's CPU ms per request (from /proc/<pid>/stat).
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
java="${MCLASS_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[[ -x "$java" ]] || java=java
tokens="$HERE/target/bench/tokens.txt"
lua="$HERE/wrk/bench.lua"
rounds="${ROUNDS:-3}"; seconds="${SECONDS_PER_RUN:-15}"; warmups="${WARMUP_RUNS:-2}"
auth="http://127.0.0.1:${MCLASS_AUTH_PORT:-8081}"
endpoint_port=18181
[[ -f "$tokens" ]] || { echo "✗ no $tokens: run a ./mclass bench row first" >&2; exit 2; }
command -v wrk >/dev/null || { echo "✗ wrk is not installed" >&2; exit 2; }

pids=()
trap 'kill "${pids[@]}" 2>/dev/null' EXIT
"$java" -XX:+UseSerialGC -Xss512k -Xmx512m -jar "$HERE/floor-endpoint/target/floor-endpoint.jar" \
  --server.port=$endpoint_port >"$HERE/target/ab-endpoint.log" 2>&1 &
endpoint=$!; pids+=($endpoint)

started=""
start_gateway() { # name port management-port jar extra-env; sets $started (not a $(…) subshell: the trap must see the pid)
  local name=$1 port=$2 management=$3 jar=$4 extra=$5
  # shellcheck disable=SC2086 # extra holds NAME=value words on purpose
  env MCLASS_ENROLLMENT_URL=http://127.0.0.1:$endpoint_port MCLASS_CLASS_URL=http://127.0.0.1:$endpoint_port \
    MCLASS_AUTH_URL="$auth" SERVER_PORT=$port MANAGEMENT_SERVER_PORT=$management \
    MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true $extra \
    "$java" -XX:+UseSerialGC -Xss512k -Xmx512m -jar "$jar" >"$HERE/target/ab-$name.log" 2>&1 &
  started=$!
  pids+=("$started")
}
start_gateway A 18080 19080 "$1" "${A_ENV:-}"; a=$started
start_gateway B 18082 19082 "$2" "${B_ENV:-}"; b=$started
"$java" -XX:+UseSerialGC -Xss512k -Xmx512m -jar "$HERE/floor-gateway/target/floor-gateway.jar" --server.port=18084 \
  --FLOOR_ENDPOINT_URL=http://127.0.0.1:$endpoint_port --FLOOR_JWKS_URI="$auth/.well-known/jwks.json" \
  >"$HERE/target/ab-floor.log" 2>&1 &
floor=$!; pids+=($floor)
for management in 19080 19082; do
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$management/actuator/health/readiness" && break; sleep 1; done
done
for _ in $(seq 1 60); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $(head -1 "$tokens")" \
    -H 'Content-Type: application/json' -d '{}' http://127.0.0.1:18084/api/mclasses/x/enrollments)" == 200 ]] && break
  sleep 1
done

cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run() { # label port pid seconds
  local before after out rps requests
  before=$(cpu "$3")
  out=$(BENCH_METHOD=POST BENCH_PATH=/api/mclasses/11111111-1111-1111-1111-111111111111/enrollments \
    BENCH_BODY='{"answers":{}}' BENCH_TOKENS="$tokens" BENCH_KEYS="ab-$RANDOM" \
    wrk -t1 -c64 -d"${4}s" -s "$lua" "http://127.0.0.1:$2" 2>&1)
  after=$(cpu "$3")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  # clock ticks are 1/100 s
  echo "$1 req/s=$rps cpu_ms_per_request=$(awk -v t=$((after - before)) -v n="$requests" 'BEGIN {printf "%.3f", t * 10 / n}')"
}
for _ in $(seq 1 "$warmups"); do run warm-A 18080 "$a" 20 >/dev/null; run warm-B 18082 "$b" 20 >/dev/null; run warm-floor 18084 "$floor" 20 >/dev/null; done
for _ in $(seq 1 "$rounds"); do run A 18080 "$a" "$seconds"; run B 18082 "$b" "$seconds"; run floor 18084 "$floor" "$seconds"; done

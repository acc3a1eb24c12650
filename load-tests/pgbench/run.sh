#!/usr/bin/env bash
# pgbench of enrollment-service's hot-path SQL, as ./mclass bench and ./mclass bench rush run it:
# a scratch database (mclass_bench_pgbench) with enrollment-service's own migrations, platform-events' outbox table and
# seed.sql; then each script given (default enroll.sql refuse.sql) with pgbench -n -c CLIENTS -j 2 -T SECONDS; the
# database is dropped again. Prints one "<script>_tps=N" and "<script>_ms=N" (average latency) line per script, e.g.
# enroll_tps=605.2. pgbench's own output is appended to $PGBENCH_LOG (default /dev/null).
#
# Usage: load-tests/pgbench/run.sh [--seconds N] [--clients N] [script.sql…]
# Environment: MCLASS_DB_HOST, MCLASS_DB_PORT, MCLASS_DB_USER, MCLASS_DB_PASSWORD (default postgres@127.0.0.1:5432).
# Exit status: 0 when every script ran, 1 when one failed, 3 when pgbench/psql are not installed.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
seconds=10
clients=8
scripts=()
while (($# > 0)); do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    *) scripts+=("$1"); shift ;;
  esac
done
((${#scripts[@]} > 0)) || scripts=(enroll.sql refuse.sql)

if ! command -v pgbench >/dev/null || ! command -v psql >/dev/null; then
  echo "pgbench/psql not installed (apt-get install postgresql-client)" >&2
  exit 3
fi

db_host="${MCLASS_DB_HOST:-127.0.0.1}"
db_port="${MCLASS_DB_PORT:-5432}"
db_user="${MCLASS_DB_USER:-postgres}"
export PGPASSWORD="${MCLASS_DB_PASSWORD:-${PGPASSWORD:-}}"
scratch_db="mclass_bench_pgbench"
log="${PGBENCH_LOG:-/dev/null}"

psql_scratch() {
  psql -h "$db_host" -p "$db_port" -U "$db_user" -v ON_ERROR_STOP=1 -q -X "$@"
}
drop_scratch_db() {
  psql_scratch -d postgres -c "DROP DATABASE IF EXISTS $scratch_db WITH (FORCE)" >/dev/null 2>&1 || true
}

trap drop_scratch_db EXIT
drop_scratch_db
psql_scratch -d postgres -c "CREATE DATABASE $scratch_db" >/dev/null
migrations=()
while IFS= read -r file; do migrations+=("$file"); done < <(ls "$ROOT"/enrollment-service/src/main/resources/db/migration/V*__*.sql | sort -V)
migrations+=("$ROOT"/platform-events/src/main/resources/db/migration/R__*.sql "$HERE/seed.sql")
for file in "${migrations[@]}"; do
  psql_scratch -d "$scratch_db" -f "$file" >/dev/null
done

status=0
for script in "${scripts[@]}"; do
  name="$(basename "$script" .sql)"
  [[ "$script" == */* ]] || script="$HERE/$script"
  if output="$(timeout $((seconds + 60)) pgbench -h "$db_host" -p "$db_port" -U "$db_user" -n -c "$clients" -j 2 \
    -T "$seconds" -f "$script" "$scratch_db" 2>&1)"; then
    echo "$output" >>"$log"
    tps="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$output" | tail -1)"
    latency="$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' <<<"$output" | tail -1)"
    echo "${name}_tps=${tps:-0}"
    echo "${name}_ms=${latency:-0}"
  else
    echo "$output" >&2
    echo "${name}_tps=0"
    status=1
  fi
done
exit "$status"

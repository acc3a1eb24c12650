#!/usr/bin/env bash
# The product plan's own load test (load-tests/artillery/plan-flow.yml): new students register, sign in, open the
# class and its form and enroll, arriving at 5 → 10 → 5 per second for 70 s, into a new first-come class of 200 seats
# and 100 waitlist places with the demo class's form. What `./mclass bench artillery` runs, against the platform
# `./mclass up` started. Artillery (npm) is installed under load-tests/target/artillery on first use. Each student
# comes from an address of their own (X-Forwarded-For), as behind a load balancer: start the platform with
# MCLASS_GATEWAY_TRUSTED_PROXIES=127.0.0.1/32, else every sign-in counts against this machine's one address and most
# are answered 429 (the run says so).
#
# Last line: artillery_requests=N artillery_p95_ms=N artillery_p99_ms=N artillery_unanswered=N artillery_5xx=N
#            artillery_vusers_failed=N and the p95 of each step (register, login, class, form, enroll).
# Exit status: 0 when it ran (the figures say how well), 2 when it could not run.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
GATEWAY_URL="${MCLASS_BENCH_GATEWAY_URL:-http://127.0.0.1:${MCLASS_GATEWAY_PORT:-8080}}"
OUT="$HERE/target/artillery"
ARTILLERY_VERSION=2.0.34

case "${1:-}" in
  -h | --help)
    echo "Usage: ./mclass bench artillery   (start the platform first: ./mclass up; needs node and npm)"
    echo "Environment: MCLASS_GATEWAY_PORT, MCLASS_ADMIN_EMAIL, MCLASS_ADMIN_PASSWORD."
    exit 0
    ;;
esac
for tool in node npm curl python3; do
  command -v "$tool" >/dev/null || { echo "✗ $tool is needed (apt-get install nodejs npm curl python3)" >&2; exit 2; }
done
mkdir -p "$OUT"
artillery="$OUT/node_modules/.bin/artillery"
if [[ ! -x "$artillery" ]]; then
  echo "▶ Installing Artillery $ARTILLERY_VERSION under $OUT (once)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$OUT" --no-audit --no-fund --loglevel=error \
    "artillery@$ARTILLERY_VERSION" >"$OUT/npm-install.log" 2>&1 || { echo "✗ npm install failed: $OUT/npm-install.log" >&2; exit 2; }
fi

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# The terms every student agrees to at registration; asking for them is also the "is the platform up" check.
terms_answer="$(curl -sf -m 5 "$GATEWAY_URL/api/terms")" || { echo "✗ No platform at $GATEWAY_URL: start it with ./mclass up first" >&2; exit 2; }
admin=""
for _ in $(seq 1 30); do # a run just before may have emptied this address's sign-in bucket (429): wait for it
  admin="$(curl -s -m 30 -X POST "$GATEWAY_URL/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"${MCLASS_ADMIN_EMAIL:-admin@mclass.local}\",\"password\":\"${MCLASS_ADMIN_PASSWORD:-mclass-admin-dev-only}\"}" |
    json 'd.get("data", {}).get("accessToken", "")' || true)"
  [[ -n "$admin" ]] && break
  sleep 2
done
[[ -n "$admin" ]] || { echo "✗ The admin could not sign in (MCLASS_ADMIN_EMAIL, MCLASS_ADMIN_PASSWORD)" >&2; exit 2; }
terms="$(json 'json.dumps([t["id"] for t in d["data"] if t.get("isRequired")])' <<<"$terms_answer")"
class_body="$(python3 - <<'PY'
import datetime, json
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
at = lambda hours: (now + datetime.timedelta(hours=hours)).strftime('%Y-%m-%dT%H:%M:%SZ')
print(json.dumps({"title": "Artillery " + now.isoformat(), "description": "", "capacity": 200, "waitlistCapacity": 100,
                  "allowWaitlist": True, "visibility": "PUBLIC", "selectionType": "FIRST_COME", "isOnline": True, "fee": 0,
                  "recruitStartAt": at(-1), "recruitEndAt": at(24), "startAt": at(48), "endAt": at(50)}))
PY
)"
class_id="$(curl -s -m 30 -X POST "$GATEWAY_URL/api/mclasses" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d "$class_body" | json 'd["data"]["id"]')"
# The demo first-come class's form, which plan-flow.js answers.
form='{"title":"수강 신청서","description":"","questions":[
 {"id":"name","type":"text","label":"이름","required":true,"validation":{"minLength":1,"maxLength":50}},
 {"id":"phone","type":"phone","label":"휴대전화 번호","required":true},
 {"id":"email","type":"email","label":"이메일","required":true},
 {"id":"level","type":"radio","label":"자바 경험","required":true,"options":["처음입니다","1년 미만","1년 이상"]},
 {"id":"interests","type":"checkbox","label":"관심 분야","required":false,"options":["백엔드","데이터베이스","메시징","운영"]},
 {"id":"privacy","type":"agreeTerms","label":"개인정보 수집 및 이용에 동의합니다","required":true}]}'
status="$(curl -s -m 30 -o "$OUT/form.json" -w '%{http_code}' -X PUT "$GATEWAY_URL/api/mclasses/$class_id/enrollment-form" \
  -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d "$form")"
[[ "$status" == 200 || "$status" == 201 ]] || { echo "✗ publishing the form answered $status: $(cat "$OUT/form.json")" >&2; exit 2; }
sleep 3 # the class and its form reach enrollment-service by event
echo "▶ Artillery: the plan's flow into class $class_id (70 s)"
MCLASS_ARTILLERY_CLASS="$class_id" MCLASS_ARTILLERY_TERMS="$terms" \
  "$artillery" run --target "$GATEWAY_URL" --output "$OUT/report.json" "$HERE/artillery/plan-flow.yml" >"$OUT/artillery.log" 2>&1 ||
  { echo "✗ Artillery failed: $OUT/artillery.log" >&2; exit 2; }
python3 - "$OUT/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))["aggregate"]
counters, summaries = report["counters"], report["summaries"]
codes = {k.split(".")[-1]: v for k, v in counters.items() if k.startswith("http.codes.")}
total = summaries.get("http.response_time", {})
line = {
    "artillery_requests": counters.get("http.requests", 0),
    "artillery_p95_ms": total.get("p95"), "artillery_p99_ms": total.get("p99"),
    "artillery_unanswered": counters.get("errors.ETIMEDOUT", 0) + counters.get("errors.ESOCKETTIMEDOUT", 0),
    "artillery_5xx": sum(v for k, v in codes.items() if k.startswith("5")),
    "artillery_vusers_failed": counters.get("vusers.failed", 0),
}
for step in ("register", "login", "class", "form", "enroll"):
    line[f"artillery_{step}_p95_ms"] = summaries.get(f"plugins.metrics-by-endpoint.response_time.{step}", {}).get("p95")
print("statuses: " + ", ".join(f"{k} ×{v}" for k, v in sorted(codes.items())))
if codes.get("429", 0) > 0.1 * counters.get("http.requests", 1):
    print("(many 429s: the gateway counted every student against one address; start ./mclass up with "
          "MCLASS_GATEWAY_TRUSTED_PROXIES=127.0.0.1/32)")
print(" ".join(f"{k}={v}" for k, v in line.items()))
PY

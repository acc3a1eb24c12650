-- One wrk script for every row of ./mclass bench (load-tests/bench.sh sets it up through the environment).
-- Light on purpose: everything a request needs is prepared in init(); request() only picks the next line and calls
-- wrk.format; response() counts. wrk keeps a Lua state per thread, so each thread counts in its own `stats` global and
-- done() (main state) adds them up through the thread objects kept by setup().
--
--   BENCH_THREADS     the -t given to wrk (threads split the lines between them: line i goes to thread i mod n)
--   BENCH_METHOD      GET or POST (default GET)
--   BENCH_PATH        request path
--   BENCH_BODY        constant request body (JSON), or
--   BENCH_BODIES      file with one body per line (sign-in: one student's credentials per line)
--   BENCH_TOKENS      file with one access token per line (a different student per request, round robin)
--   BENCH_KEYS        Idempotency-Key prefix: every request gets a fresh key (prefix-thread-counter)
--   BENCH_ONCE        1: every line once, then stop when each request is answered (a fixed population, e.g. seats)
--   BENCH_REPLAY_SHARE  share of lines sent a second time with the same key (the rush; BENCH_ONCE implied): the
--                     replay goes BENCH_REPLAY_GAP requests after the original, must come back marked
--                     Idempotent-Replayed: true with a body one of the first answers had, byte for byte
--   BENCH_XFF         1: X-Forwarded-For with a different client address per request (10.0.0.0/8)
--   BENCH_OUT         file the totals are written to, one name=value per line

local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

local function lines(path)
  local result = {}
  if path == nil or path == "" then
    return result
  end
  local file = assert(io.open(path, "r"), "cannot read " .. path)
  for line in file:lines() do
    if line ~= "" then
      table.insert(result, line)
    end
  end
  file:close()
  return result
end

local method, path, body, keys, once, xff
local auth = {}      -- this thread's "Bearer …" values
local bodies = {}    -- this thread's bodies (BENCH_BODIES)
local sequence = {}  -- rush: { line index, key } in sending order
local headers = {}
local count = 0      -- lines of this thread
local sent = 0
local answered = 0
local planned = 0
local seen = {}      -- rush: first answers' bodies
-- Flat (name → count): wrk's thread:get() copies nested tables wrongly (segmentation fault in wrk 4.1).
stats = {}

function init(args)
  local n = tonumber(os.getenv("BENCH_THREADS") or "1")
  method = os.getenv("BENCH_METHOD") or "GET"
  path = os.getenv("BENCH_PATH") or "/"
  body = os.getenv("BENCH_BODY")
  keys = os.getenv("BENCH_KEYS")
  xff = os.getenv("BENCH_XFF") == "1"
  local share = tonumber(os.getenv("BENCH_REPLAY_SHARE") or "0")
  once = os.getenv("BENCH_ONCE") == "1" or share > 0
  local all_tokens = lines(os.getenv("BENCH_TOKENS"))
  local all_bodies = lines(os.getenv("BENCH_BODIES"))
  local total = math.max(#all_tokens, #all_bodies)
  for i = 1, total do
    if (i - 1) % n == tid then
      if #all_tokens > 0 then table.insert(auth, "Bearer " .. all_tokens[(i - 1) % #all_tokens + 1]) end
      if #all_bodies > 0 then table.insert(bodies, all_bodies[(i - 1) % #all_bodies + 1]) end
    end
  end
  count = math.max(#auth, #bodies)
  if body ~= nil or #bodies > 0 then
    headers["Content-Type"] = "application/json"
  end
  headers["Accept"] = "application/json"
  if share > 0 then
    -- Student i (global index) retries when i*share crosses an integer, as RushSimulation spreads them.
    local gap = tonumber(os.getenv("BENCH_REPLAY_GAP") or "500")
    local pending = {}
    for k = 1, count do
      local global = (k - 1) * n + tid
      table.insert(sequence, { k, keys .. "-" .. global })
      if math.floor((global + 1) * share) > math.floor(global * share) then
        table.insert(pending, { k, keys .. "-" .. global, #sequence + gap })
      end
      while #pending > 0 and pending[1][3] <= #sequence do
        table.insert(sequence, table.remove(pending, 1))
      end
    end
    for _, replay in ipairs(pending) do
      table.insert(sequence, replay)
    end
    planned = #sequence
  elseif once then
    planned = count
  end
end

local function bump(key)
  stats[key] = (stats[key] or 0) + 1
end

local function address(n)
  n = n % 16777214 + 1
  return "10." .. math.floor(n / 65536) % 256 .. "." .. math.floor(n / 256) % 256 .. "." .. n % 256
end

local verified = false

function request()
  if tid == 0 and not verified then
    -- wrk calls thread 0's request() once before the run, to count pipelined requests: answer it without using a line.
    verified = true
    return wrk.format(method, path, headers, body)
  end
  if once and sent >= planned then
    -- Nothing left to send: an empty write leaves the connection idle until the answers are in and the thread stops.
    return ""
  end
  sent = sent + 1
  bump("sent")
  local line
  if #sequence > 0 then
    local entry = sequence[sent]
    line = entry[1]
    headers["Idempotency-Key"] = entry[2]
  else
    line = (count > 0) and ((sent - 1) % count + 1) or 0
    if keys then
      headers["Idempotency-Key"] = keys .. "-" .. tid .. "-" .. sent
    end
  end
  if #auth > 0 then
    headers["Authorization"] = auth[line]
  end
  if xff then
    headers["X-Forwarded-For"] = address(sent * 64 + tid)
  end
  return wrk.format(method, path, headers, (#bodies > 0) and bodies[line] or body)
end

-- This thread has every answer. wrk's main thread sleeps for the whole -d whatever its threads do, and measures the
-- run until it wakes, so the last thread to finish interrupts that sleep with SIGINT (what Ctrl-C does to wrk: stop
-- and report), which makes the measured time end at the last answer. Threads meet through marker files.
function finished()
  wrk.thread:stop()
  local marker = (os.getenv("BENCH_OUT") or "/tmp/wrk-bench") .. ".finished"
  local file = io.open(marker .. "." .. tid, "w")
  if file then file:close() end
  local n = tonumber(os.getenv("BENCH_THREADS") or "1")
  for other = 0, n - 1 do
    local done = io.open(marker .. "." .. other, "r")
    if not done then return end
    done:close()
  end
  local stat = io.open("/proc/self/stat", "r")
  if stat then
    local pid = stat:read("*l"):match("^(%d+)")
    stat:close()
    -- popen, not os.execute: system() ignores SIGINT in the whole process while its command runs
    local kill = io.popen("kill -INT " .. pid)
    if kill then kill:close() end
  end
end

local function header(all, name)
  local value = all[name]
  if value ~= nil then
    return value
  end
  name = name:lower()
  for key, v in pairs(all) do
    if key:lower() == name then
      return v
    end
  end
  return nil
end

function response(status, all, text)
  answered = answered + 1
  bump("status_" .. status)
  if status >= 300 then
    local code = text and text:match('"code"%s*:%s*"([%w_]+)"')
    bump("code_" .. status .. "_" .. (code or "none"))
    if status == 503 and header(all, "Retry-After") ~= nil then
      bump("retry_after_503")
    end
  end
  if #sequence > 0 then
    if header(all, "Idempotent-Replayed") == "true" then
      bump("replays")
      bump(seen[text] and "replay_identical" or "replay_different")
    else
      bump("first")
      if status == 201 then
        bump("placement_" .. (text:match('"status"%s*:%s*"(%u+)"') or "none"))
      end
      if status == 201 or status == 409 then
        seen[text] = true
      end
    end
  end
  if once and answered == planned then
    finished()
  end
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for key, value in pairs(thread:get("stats")) do
      total[key] = (total[key] or 0) + value
    end
  end
  local seconds = summary.duration / 1e6
  local out = {}
  local function put(name, value)
    table.insert(out, name .. "=" .. tostring(value))
  end
  put("requests", summary.requests)
  put("seconds", string.format("%.3f", seconds))
  put("rps", string.format("%.1f", summary.requests / seconds))
  put("p50_ms", string.format("%.1f", latency:percentile(50) / 1000))
  put("p90_ms", string.format("%.1f", latency:percentile(90) / 1000))
  put("p99_ms", string.format("%.1f", latency:percentile(99) / 1000))
  put("max_ms", string.format("%.1f", latency.max / 1000))
  put("mean_ms", string.format("%.1f", latency.mean / 1000))
  put("errors_connect", summary.errors.connect)
  put("errors_read", summary.errors.read)
  put("errors_write", summary.errors.write)
  put("errors_timeout", summary.errors.timeout)
  local classes = { s2xx = 0, s3xx = 0, s4xx = 0, s5xx = 0 }
  for key, n in pairs(total) do
    put(key, n)
    local status = tonumber(key:match("^status_(%d+)$"))
    if status then
      local class = "s" .. math.floor(status / 100) .. "xx"
      classes[class] = (classes[class] or 0) + n
    end
  end
  for class, n in pairs(classes) do put(class, n) end
  local target = os.getenv("BENCH_OUT")
  if target and target ~= "" then
    local file = assert(io.open(target, "w"))
    file:write(table.concat(out, "\n") .. "\n")
    file:close()
  else
    print(table.concat(out, "\n"))
  end
end

-- A batch of enrollment events for the live streams (one Kafka poll), each once per event id however often Kafka
-- delivers it: appended to the student's short log for its class (what Last-Event-ID resumes from) and published to
-- every replica. One call per poll instead of one per event: under a rush the feed's round trips queued behind the
-- rush's own Redis commands (~50 ms per event), and the events reached the students seconds late.
-- KEYS: per event, 1 dedup key of the event id, 2 the student's log (stream) for the class
-- ARGV: 1 channel, 2 log ttl (s), 3 log length, then per event: event json, class id, student id
local published = 0
for i = 1, #KEYS / 2 do
  local arg = 3 + (i - 1) * 3
  if redis.call('SET', KEYS[2 * i - 1], '1', 'NX', 'EX', 86400) then
    local log = KEYS[2 * i]
    local id = redis.call('XADD', log, 'MAXLEN', '~', tonumber(ARGV[3]), '*', 'event', ARGV[arg + 1])
    redis.call('EXPIRE', log, tonumber(ARGV[2]))
    redis.call('PUBLISH', ARGV[1], cjson.encode({kind = 'enrollment', classId = ARGV[arg + 2], userId = ARGV[arg + 3],
      id = id, data = ARGV[arg + 1]}))
    published = published + 1
  end
end
return published

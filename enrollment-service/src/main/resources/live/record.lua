-- An enrollment event for the live streams, once per event id however often Kafka delivers it: appended to the
-- student's short log for this class (what Last-Event-ID resumes from) and published to every replica.
-- KEYS: 1 dedup key of the event id, 2 the student's log (stream) for the class
-- ARGV: 1 event json, 2 channel, 3 class id, 4 student id, 5 log ttl (s), 6 log length
local fresh = redis.call('SET', KEYS[1], '1', 'NX', 'EX', 86400)
if not fresh then return false end
local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', tonumber(ARGV[6]), '*', 'event', ARGV[1])
redis.call('EXPIRE', KEYS[2], tonumber(ARGV[5]))
redis.call('PUBLISH', ARGV[2], cjson.encode({kind = 'enrollment', classId = ARGV[3], userId = ARGV[4], id = id, data = ARGV[1]}))
return id

-- One place in a class's line per student: the same ticket and place again, or (after the earlier admission lapsed)
-- a new place at the back. Atomic, so a student racing with themselves still gets exactly one ticket.
-- KEYS: 1 state hash, 2 owners hash (student -> ticket), 3 tickets hash (ticket -> "seq|student"), 4 waiting zset
--       (score seq), 5 admitted zset (score admission expiry, ms), 6 the set of classes with a line, 7 ticket -> class
-- ARGV: 1 student, 2 new ticket, 3 class id, 4 key ttl (s)
-- Returns {ticket, seq, head, admitted (0/1), admissionExpiresAt (ms or 0), issued now (0/1)}
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local head = tonumber(redis.call('HGET', KEYS[1], 'head') or '0')
local existing = redis.call('HGET', KEYS[2], ARGV[1])
if existing then
  local record = redis.call('HGET', KEYS[3], existing)
  if record then
    local seq = tonumber(string.match(record, '^(%d+)|'))
    if seq > head then
      return {existing, seq, head, 0, 0, 0}
    end
    local expires = redis.call('ZSCORE', KEYS[5], existing)
    if expires and tonumber(expires) > now then
      return {existing, seq, head, 1, tonumber(expires), 0}
    end
  end
end
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[3], ARGV[2], seq .. '|' .. ARGV[1])
redis.call('ZADD', KEYS[4], seq, ARGV[2])
redis.call('SADD', KEYS[6], ARGV[3])
redis.call('SET', KEYS[7], ARGV[3], 'EX', tonumber(ARGV[4]))
for i = 1, 5 do redis.call('EXPIRE', KEYS[i], tonumber(ARGV[4])) end
return {ARGV[2], seq, head, 0, 0, 1}

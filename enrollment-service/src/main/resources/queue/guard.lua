-- The check in front of enrolling: counts the arrival, switches the room on when arrivals exceed the admission rate,
-- and decides whether this request may go on.
-- KEYS: 1 state hash, 2 arrivals counter of this second, 3 tickets hash, 4 admitted zset, 5 the set of classes with a line
-- ARGV: 1 rush protected (0/1), 2 rate (per s), 3 auto hold (ms, 0 = no auto-activation), 4 ticket or '', 5 student,
--       6 class id
-- Returns {verdict, detail}: OPEN (room not active), ADMITTED, REQUIRED, UNKNOWN, EXPIRED, WAITING (detail: place)
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local arrivals = redis.call('INCR', KEYS[2])
if arrivals == 1 then redis.call('EXPIRE', KEYS[2], 5) end
local state = redis.call('HMGET', KEYS[1], 'auto_until', 'head')
local autoUntil = tonumber(state[1] or '0')
local hold = tonumber(ARGV[3])
if hold > 0 and arrivals > tonumber(ARGV[2]) then
  autoUntil = now + hold
  redis.call('HSET', KEYS[1], 'auto_until', autoUntil)
  redis.call('EXPIRE', KEYS[1], 86400)
  redis.call('SADD', KEYS[5], ARGV[6])
end
if ARGV[1] ~= '1' and autoUntil <= now then
  return {'OPEN', 0}
end
if ARGV[4] == '' then
  return {'REQUIRED', 0}
end
local record = redis.call('HGET', KEYS[3], ARGV[4])
if not record then
  return {'UNKNOWN', 0}
end
local seq, owner = string.match(record, '^(%d+)|(.+)$')
if owner ~= ARGV[5] then
  return {'UNKNOWN', 0}
end
local expires = redis.call('ZSCORE', KEYS[4], ARGV[4])
if expires then
  if tonumber(expires) > now then return {'ADMITTED', 0} end
  return {'EXPIRED', 0}
end
local head = tonumber(state[2] or '0')
if tonumber(seq) <= head then
  return {'EXPIRED', 0}
end
return {'WAITING', tonumber(seq) - head}

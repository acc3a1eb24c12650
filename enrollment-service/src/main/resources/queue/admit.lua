-- Admits the next tickets of a class's line, strictly in issue order (ZPOPMIN on the issue sequence), at most `rate`
-- per second (a token bucket on Redis' clock, so any replica may run it) and while fewer than `window` admissions are
-- open (admitted, not yet used, not expired). An admission unused for `ttl` expires and frees its slot.
-- KEYS: 1 state hash, 2 waiting zset, 3 admitted zset, 4 open-admissions zset (score expiry), 5 admission log stream,
--       6 the set of classes with a line
-- ARGV: 1 rate (per s), 2 window, 3 ttl (ms), 4 auto hold (ms), 5 class id, 6 key ttl (s)
-- Returns {admitted now, head, still waiting}
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - 86400000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts', 'head', 'auto_until')
local tokens = tonumber(state[1] or rate)
local ts = tonumber(state[2] or now)
local head = tonumber(state[3] or '0')
tokens = math.min(rate, tokens + math.max(0, now - ts) * rate / 1000)
local free = tonumber(ARGV[2]) - redis.call('ZCARD', KEYS[4])
local n = math.min(math.floor(tokens), free)
local admitted = 0
while n > 0 do
  local popped = redis.call('ZPOPMIN', KEYS[2])
  if #popped == 0 then break end
  local ticket = popped[1]
  local seq = tonumber(popped[2])
  local expires = now + tonumber(ARGV[3])
  redis.call('ZADD', KEYS[3], expires, ticket)
  redis.call('ZADD', KEYS[4], expires, ticket)
  head = seq
  redis.call('XADD', KEYS[5], 'MAXLEN', '~', 200000, '*', 'seq', seq, 'ticket', ticket, 'at', now)
  n = n - 1
  tokens = tokens - 1
  admitted = admitted + 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', now, 'head', head)
local waiting = redis.call('ZCARD', KEYS[2])
local autoUntil = tonumber(state[4] or '0')
if waiting > 0 and autoUntil > now then
  -- A line that auto-activation opened stays open until it has drained.
  redis.call('HSET', KEYS[1], 'auto_until', now + tonumber(ARGV[4]))
end
if waiting == 0 and redis.call('ZCARD', KEYS[4]) == 0 then
  redis.call('SREM', KEYS[6], ARGV[5])
end
if admitted > 0 then
  for i = 1, 5 do redis.call('EXPIRE', KEYS[i], tonumber(ARGV[6])) end
end
return {admitted, head, waiting}

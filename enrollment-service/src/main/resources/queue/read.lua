-- A ticket's current place. KEYS: 1 state hash, 2 tickets hash, 3 admitted zset. ARGV: 1 ticket.
-- Returns {} when the ticket is not in this class's line, else {student, seq, head, admission expiry (ms or -1), now}
local record = redis.call('HGET', KEYS[2], ARGV[1])
if not record then return {} end
local seq, owner = string.match(record, '^(%d+)|(.+)$')
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local head = tonumber(redis.call('HGET', KEYS[1], 'head') or '0')
local expires = redis.call('ZSCORE', KEYS[3], ARGV[1])
return {owner, tonumber(seq), head, expires and tonumber(expires) or -1, now}

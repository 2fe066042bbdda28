-- Replace a sitting's document only if nobody changed it since it was read (optimistic concurrency: two commission
-- members scoring at once both land, one after the other). Publishes the change for the sitting's pages.
-- KEYS: 1 sitting key (SittingKeys.sitting)
-- ARGV: 1 expected version, 2 new document (JSON), 3 the sitting's channel (SittingKeys.channel), 4 event JSON
local cur = redis.call('HGET', KEYS[1], 'version')
if cur ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'version', tostring(tonumber(ARGV[1]) + 1), 'doc', ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1

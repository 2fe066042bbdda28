-- Issue 16 (3): takes up to ARGV[3] due jobs for this node: each is pushed ARGV[2] ms into the future (a lease), so
-- no other node takes it meanwhile, and a node that dies with it in flight leaves it to be taken again then.
-- KEYS[1] the due queue; ARGV[1] now (ms), ARGV[2] the lease (ms), ARGV[3] how many
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local leased = tonumber(ARGV[1]) + tonumber(ARGV[2])
for _, m in ipairs(due) do redis.call('ZADD', KEYS[1], 'XX', leased, m) end
return due

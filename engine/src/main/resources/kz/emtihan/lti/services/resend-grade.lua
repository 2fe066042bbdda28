-- Issue 16 (3): the exam's owner sends a given-up grade again: it is queued now, with a fresh day of retries.
-- KEYS[1] the job's hash, KEYS[2] the due queue; ARGV[1] member, ARGV[2] now (ms)
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 'missing' end
if state ~= 'failed' then return state end
redis.call('HSET', KEYS[1], 'state', 'waiting', 'queuedAt', ARGV[2], 'tries', '0', 'nextAt', ARGV[2])
redis.call('HDEL', KEYS[1], 'failedAt')
redis.call('HINCRBY', KEYS[1], 'gen', 1)
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
return 'queued'

-- Issue 16 (3): what came of one try: sent (the platform answered 2xx for every link), retry (again at ARGV[5]) or
-- failed (given up). Only for the score that was tried (ARGV[2], the job's generation): a newer score queued while
-- the try was in flight stays queued.
-- KEYS[1] the job's hash, KEYS[2] the due queue
-- ARGV[1] member, ARGV[2] generation, ARGV[3] outcome, ARGV[4] now, ARGV[5] next try (ms), ARGV[6] HTTP status,
-- ARGV[7] body excerpt, ARGV[8] tries so far, ARGV[9] the links already sent to (space-separated)
if redis.call('HGET', KEYS[1], 'gen') ~= ARGV[2] then return 'stale' end
redis.call('HSET', KEYS[1], 'tries', ARGV[8], 'lastTryAt', ARGV[4], 'done', ARGV[9])
if ARGV[3] == 'sent' then
  redis.call('HSET', KEYS[1], 'state', 'sent', 'sentAt', ARGV[4])
  redis.call('HDEL', KEYS[1], 'nextAt', 'httpStatus', 'body')
  redis.call('ZREM', KEYS[2], ARGV[1])
elseif ARGV[3] == 'retry' then
  redis.call('HSET', KEYS[1], 'state', 'waiting', 'nextAt', ARGV[5], 'httpStatus', ARGV[6], 'body', ARGV[7])
  redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
else
  redis.call('HSET', KEYS[1], 'state', 'failed', 'failedAt', ARGV[4], 'httpStatus', ARGV[6], 'body', ARGV[7])
  redis.call('HDEL', KEYS[1], 'nextAt')
  redis.call('ZREM', KEYS[2], ARGV[1])
end
return ARGV[3]

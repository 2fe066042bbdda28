-- Issue 16 (3): queues a student's final score for the platform's gradebook, once per score.
-- KEYS[1] the job's hash, KEYS[2] the exam's graded students, KEYS[3] the due queue
-- ARGV[1] the queue member, ARGV[2] now (ms), ARGV[3] the score's digest, ARGV[4..] field, value pairs of the score
-- A score already queued, sent or given up with the same digest (a re-grade, a repeated submit) changes nothing.
if redis.call('HGET', KEYS[1], 'digest') == ARGV[3] then return 'same' end
local fields = {}
for i = 4, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', KEYS[1], 'digest', ARGV[3], 'state', 'waiting', 'queuedAt', ARGV[2], 'tries', '0',
  'nextAt', ARGV[2], unpack(fields))
redis.call('HDEL', KEYS[1], 'done', 'httpStatus', 'body', 'failedAt')
redis.call('HINCRBY', KEYS[1], 'gen', 1)
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
return 'queued'

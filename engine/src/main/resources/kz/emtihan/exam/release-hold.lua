-- The hold of a proctored attempt's identity step (5.17.2): no questions are served and no answer is taken while
-- the attempt hash has 'hold' ('identity': the photos are not in; 'approval': policy wait, a proctor has not approved).
-- Mode 'release' lets the attempt go: its clock starts now, the questions are first served now, and the deadline is
-- min(now + duration, window close) (the rule of Deadline; ReleaseHoldContractTest runs this script on the same
-- cases). Modes 'identity' and 'approval' only change what the hold waits for. The caller tells the student's page.
-- Publishes clock-started on the exam's channel when released.
-- KEYS: 1 attempt hash, 2 the exam's deadlines zset, 3 log list, 4.. the exam's sorted sets that watch the attempt from
--       its clock's start (issue 14, 2: all in the exam's Cluster slot)
-- ARGV: 1 attempt id, 2 exam closesAt ms, 3 actor, 4 mode 'release' | 'identity' | 'approval', 5 duration ms,
--       6 exam channel
local a = redis.call('HMGET', KEYS[1], 'status', 'deadline', 'hold', 'holdSince', 'examId', 'studentId',
  'durationMs', 'closesMs')
if not a[1] then return {'missing', '0'} end
if a[1] ~= 'in-progress' or not a[3] then return {'not-held', a[2]} end
if ARGV[4] ~= 'release' then
  redis.call('HSET', KEYS[1], 'hold', ARGV[4])
  return {'held', a[2]}
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local waited = math.max(0, now - tonumber(a[4]))
-- the student's own duration (extra time) and window end (an individual statement), as start-attempt.lua set them
local deadline = math.min(now + tonumber(a[7] or ARGV[5]), tonumber(a[8] or ARGV[2]))
local nowS, deadlineS = string.format('%d', now), string.format('%d', deadline)
redis.call('HDEL', KEYS[1], 'hold', 'holdSince')
redis.call('HSET', KEYS[1], 'deadline', deadlineS, 'clockStartedAt', nowS)
redis.call('ZADD', KEYS[2], deadlineS, ARGV[1])
for i = 4, #KEYS do redis.call('ZADD', KEYS[i], nowS, ARGV[1]) end
redis.call('RPUSH', KEYS[3], cjson.encode({type = 'clock-started', at = now, by = ARGV[3], waitedMillis = waited,
  deadline = deadline}))
redis.call('PUBLISH', ARGV[6], cjson.encode({type = 'clock-started', examId = a[5], attemptId = ARGV[1],
  studentId = a[6], at = now, deadline = deadline}))
return {'released', deadlineS}

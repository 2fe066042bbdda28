-- Finalise an attempt once: the student's submit, the sweeper's timeout once deadline + grace has passed
-- on the store's clock, or a proctor's termination for a violation (6.14: access blocked, whatever the time).
-- A submit that arrives after deadline + grace finalises as timed-out. A submit of an attempt held for its identity
-- step (release-hold.lua) is refused: 'held' and what it waits for; the sweeper still closes it at the window's close.
-- Publishes attempt-finished on the exam's channel and attempt-closed on the attempt's.
-- Issue 14 (2): the work lists are the attempt's exam's (one Cluster slot with the attempt); an entry for an attempt
-- that is missing or no longer in progress is taken off the deadlines (left there by a move from an older store's
-- global list), so the sweeper does not meet it again.
-- KEYS: 1 attempt hash, 2 the exam's deadlines zset, 3 log list, 4 the exam's to-grade set
-- ARGV: 1 attempt id, 2 'submit' | 'timeout' | 'terminate', 3 grace ms, 4 actor, 5 reason (terminate, else ''),
--       6 exam channel without the exam id (the exam is read from the attempt), 7 attempt channel
local a = redis.call('HMGET', KEYS[1], 'status', 'deadline', 'examId', 'studentId', 'hold', 'statementUntil')
if not a[1] then
  redis.call('ZREM', KEYS[2], ARGV[1])
  return {'missing', ''}
end
-- 5.35: a submit after the individual statement's end is refused and changes nothing (the sweeper times it out)
if ARGV[2] == 'submit' and a[6] then
  local tt = redis.call('TIME')
  if tonumber(tt[1]) * 1000 + math.floor(tonumber(tt[2]) / 1000) >= tonumber(a[6]) then
    return {'statement-expired', a[6]}
  end
end
if a[1] ~= 'in-progress' then
  -- issue 14 (2): a write, so that a WAIT after this script also covers the finalisation it reports
  redis.call('HSET', KEYS[1], 'status', a[1])
  redis.call('ZREM', KEYS[2], ARGV[1])
  return {'already', a[1]}
end
if ARGV[2] == 'submit' and a[5] then return {'held', a[5]} end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nowS = string.format('%d', now)
local late = now >= tonumber(a[2]) + tonumber(ARGV[3])
if ARGV[2] == 'timeout' and not late then return {'not-due', a[1]} end
local status = 'submitted'
if late then status = 'timed-out' end
if ARGV[2] == 'terminate' then status = 'terminated' end
redis.call('HSET', KEYS[1], 'status', status, 'finishedAt', nowS)
redis.call('HDEL', KEYS[1], 'hold', 'holdSince')
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[1])
local entry = {type = status, at = now, by = ARGV[4]}
local event = {examId = a[3], attemptId = ARGV[1], studentId = a[4], status = status, at = now}
if ARGV[2] == 'terminate' then
  entry.reason = ARGV[5]
  event.reason = ARGV[5]
  redis.call('HSET', KEYS[1], 'terminationReason', ARGV[5], 'terminatedBy', ARGV[4])
end
redis.call('RPUSH', KEYS[3], cjson.encode(entry))
event.type = 'attempt-finished'
redis.call('PUBLISH', ARGV[6] .. a[3], cjson.encode(event))
event.type = 'attempt-closed'
redis.call('PUBLISH', ARGV[7], cjson.encode(event))
return {'finalised', status}

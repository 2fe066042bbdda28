-- Evidence of a kind arrived for an attempt (issue 10, 4): refresh its last-seen time if it is watched; if it was in
-- a gap, end the gap, note it in the proctoring audit trail and tell the dashboard (evidence-resumed). Atomic, so
-- a gap is closed once.
-- KEYS: 1 the exam's watched zset of the kind, 2 its gap zset of the kind, 3 proctor hash, 4 audit list (issue 14, 2:
--       all in the exam's Cluster slot)
-- ARGV: 1 attempt id, 2 kind, 3 at (ISO, for the audit), 4 exam id, 5 student id, 6 exam channel
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nowS = string.format('%d', now)
local since = redis.call('ZSCORE', KEYS[2], ARGV[1])
if since then
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('ZADD', KEYS[1], nowS, ARGV[1])
  redis.call('HDEL', KEYS[3], 'missing:' .. ARGV[2])
  local gap = now - tonumber(since)
  redis.call('RPUSH', KEYS[4], cjson.encode({type = 'evidence-resumed', at = ARGV[3], evidence = ARGV[2], missingMillis = gap}))
  redis.call('PUBLISH', ARGV[6], cjson.encode({type = 'evidence-resumed', examId = ARGV[4],
    attemptId = ARGV[1], studentId = ARGV[5], evidence = ARGV[2], at = ARGV[3], missingMillis = gap}))
  return 'resumed'
end
redis.call('ZADD', KEYS[1], 'XX', nowS, ARGV[1])
return 'seen'

-- Raise a flag on an attempt (issue 4, 3): number it, store it, count it for the dashboard, append it to the
-- proctoring audit trail and push it to everyone watching the exam, in one step on every node.
-- KEYS: 1 flags list, 2 proctor hash, 3 audit list
-- ARGV: 1 flag JSON (stored form, no id), 2 attempt id, 3 exam id, 4 student id, 5 exam channel
local flag = cjson.decode(ARGV[1])
local n = redis.call('LLEN', KEYS[1]) + 1
flag['id'] = 'f' .. n
local stored = cjson.encode(flag)
redis.call('RPUSH', KEYS[1], stored)
redis.call('HINCRBY', KEYS[2], 'flags', 1)
if flag['insufficientEvidence'] then
  redis.call('HINCRBY', KEYS[2], 'unclear', 1)
else
  redis.call('HINCRBY', KEYS[2], 'count:' .. flag['kind'], 1)
end
redis.call('RPUSH', KEYS[3], cjson.encode({type = 'flag', at = flag['at'], flag = flag}))
if flag['evidence'] and flag['evidence'] ~= cjson.null then
  flag['evidence'] = '/api/v1/attempts/' .. ARGV[2] .. '/snapshots/' .. flag['evidence']
end
redis.call('PUBLISH', ARGV[5], cjson.encode({type = 'flag', examId = ARGV[3], attemptId = ARGV[2],
  studentId = ARGV[4], flag = flag}))
return flag['id']

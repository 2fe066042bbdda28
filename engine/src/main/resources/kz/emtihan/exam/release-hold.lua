-- Release an attempt held for its identity check (proctoring policy 'wait') once a proctor approves: the time
-- waited is added to the deadline, never past the exam's window. The caller tells the student's page.
-- KEYS: 1 attempt hash, 2 deadlines zset, 3 log list
-- ARGV: 1 attempt id, 2 exam closesAt ms, 3 actor
local a = redis.call('HMGET', KEYS[1], 'status', 'deadline', 'hold', 'holdSince')
if not a[1] then return {'missing', '0'} end
if a[1] ~= 'in-progress' or not a[3] then return {'not-held', a[2]} end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local waited = math.max(0, now - tonumber(a[4]))
local deadline = math.min(tonumber(a[2]) + waited, tonumber(ARGV[2]))
local nowS, deadlineS = string.format('%d', now), string.format('%d', deadline)
redis.call('HDEL', KEYS[1], 'hold', 'holdSince')
redis.call('HSET', KEYS[1], 'deadline', deadlineS)
redis.call('ZADD', KEYS[2], deadlineS, ARGV[1])
redis.call('RPUSH', KEYS[3], '{"type":"identity-released","at":' .. nowS .. ',"by":"' .. ARGV[3] .. '","waitedMillis":' ..
  string.format('%d', waited) .. ',"deadline":' .. deadlineS .. '}')
return {'released', deadlineS}

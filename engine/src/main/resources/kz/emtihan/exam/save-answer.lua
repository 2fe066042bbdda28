-- Store one answer if the attempt is in progress, the store's clock is before deadline + grace, and seq is
-- newer than the stored one (the rule of SaveDecision; SaveAnswerContractTest runs this script on the same cases).
-- Appends the change to the attempt's log. 5.35: an attempt of an individual statement ('statementUntil') takes no
-- answer from the statement's end on: 'statement-expired' and the end.
-- Publishes answer-saved (which question and how many are answered; never the content) on the exam's channel.
-- An attempt held for its identity step (release-hold.lua) takes no answers: 'held-identity' (photos not in) or
-- 'held-approval' (policy wait: not approved yet).
-- KEYS: 1 attempt hash, 2 answers hash, 3 log list, 4 answered set (questions with a non-empty answer)
-- ARGV: 1 question id, 2 seq, 3 choices (comma-separated option ids), 4 grace ms, 5 attempt id, 6 exam channel
local a = redis.call('HMGET', KEYS[1], 'status', 'deadline', 'examId', 'studentId', 'hold', 'statementUntil')
if not a[1] then return {'missing', '0', '0'} end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nowS = string.format('%d', now)
if a[5] and a[1] == 'in-progress' then return {'held-' .. a[5], '0', nowS} end
-- 5.35: nothing counts after the individual statement's end, not even within the grace
if a[6] and now >= tonumber(a[6]) then return {'statement-expired', a[6], nowS} end
local deadline = tonumber(a[2])
if a[1] ~= 'in-progress' or now >= deadline + tonumber(ARGV[4]) then return {'closed', '0', nowS} end
local seq = tonumber(ARGV[2])
local cur = redis.call('HGET', KEYS[2], ARGV[1])
if cur then
  local curSeq, curAt = string.match(cur, '^(%d+)|(%d+)|')
  if seq <= tonumber(curSeq) then
    -- issue 14 (2): a write, so that a WAIT after this script also covers the stored answer it reports
    redis.call('HSET', KEYS[1], 'lastActivity', nowS)
    return {'already', curSeq, curAt}
  end
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2] .. '|' .. nowS .. '|' .. ARGV[3])
redis.call('HSET', KEYS[1], 'lastActivity', nowS)
if ARGV[3] == '' then redis.call('SREM', KEYS[4], ARGV[1]) else redis.call('SADD', KEYS[4], ARGV[1]) end
local kind = 'save'
if now >= deadline then kind = 'save-in-grace' end
redis.call('RPUSH', KEYS[3], cjson.encode({type = kind, at = now, question = ARGV[1], seq = seq, choices = ARGV[3]}))
redis.call('PUBLISH', ARGV[6], cjson.encode({type = 'answer-saved', examId = a[3], attemptId = ARGV[5],
  studentId = a[4], questionId = ARGV[1], answered = redis.call('SCARD', KEYS[4]), at = now}))
return {'stored', ARGV[2], nowS}

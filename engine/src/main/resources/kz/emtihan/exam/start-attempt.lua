-- Start an attempt exactly once per (exam, student), atomically across engine nodes (5.20.3: one attempt).
-- The deadline is min(first served + duration, window close) on the store's clock (the rule of Deadline;
-- StartAttemptContractTest runs this script on the same cases). An attempt that starts held (a proctored exam's
-- identity step, 5.17.2) is not served its questions yet: its clock starts when release-hold.lua releases it, and
-- until then only the window's close bounds it.
-- Publishes attempt-started on the exam's channel for the proctor's progress page.
-- 5.30: a student whose admission rating on the roster is below the minimum may not sit.
-- 5.35: a student holding an individual statement starts inside their personal window (KEYS 7) even when the exam's
-- window is closed; the window's end is then the statement's end, and 'statementUntil' on the attempt makes
-- save-answer.lua and finalise-attempt.lua refuse anything after it. After it, 'statement-expired'.
-- Extra time (KEYS 8) lengthens the student's clock, never the window (ExtraTime's rule).
-- Issue 14 (2): every key carries the exam's hash tag (ExamKeys), so the script runs on one Cluster slot.
-- KEYS: 1 exam attempts hash (student -> attempt), 2 roster set, 3 new attempt hash, 4 the exam's deadlines zset,
--       5 new attempt log,
--       6 admission ratings hash (student -> rating; absent = admitted), 7 personal windows hash (student ->
--       'fromMs:untilMs'), 8 extra time hash (student -> ms), 9.. the exam's sorted sets that watch the new attempt
--       from now (proctoring's evidence: attempt -> last seen, docs/proctoring.md)
-- ARGV: 1 student, 2 new attempt id, 3 exam id, 4 opensAt ms, 5 closesAt ms, 6 duration ms, 7 seed, 8 paper,
--       9 minimum admission rating, 10 '1' to hold the attempt until its identity step releases it (release-hold.lua),
--       11 grace ms: the sorted sets of KEYS 7.. count the attempt as seen until now + grace (the page's start-up),
--       12 exam channel, 13 the student's full name as their sign-in token carries it, or '' (issue 15, 3: the
--       proctor's pages show a student who starts by name at once; nothing is read for it)
local existing = redis.call('HGET', KEYS[1], ARGV[1])
if existing then
  -- issue 14 (2): a write, so that a WAIT after this script also covers the start it reports (made by another call)
  redis.call('HSET', KEYS[1], ARGV[1], existing)
  return {'existing', existing}
end
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 0 then return {'not-on-roster', ''} end
local rating = redis.call('HGET', KEYS[6], ARGV[1])
if rating and tonumber(rating) < tonumber(ARGV[9]) then return {'not-admitted', rating} end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local opens, closes, statementUntil = tonumber(ARGV[4]), tonumber(ARGV[5]), nil
local personal = redis.call('HGET', KEYS[7], ARGV[1])
if personal then
  local pf, pu = string.match(personal, '^(%d+):(%d+)$')
  pf, pu = tonumber(pf), tonumber(pu)
  if now >= pf and now < pu then opens, closes, statementUntil = pf, pu, pu
  elseif now >= pu and (now < opens or now >= closes) then return {'statement-expired', string.format('%d', pu)} end
end
if now < opens or now >= closes then return {'not-open', string.format('%d', now)} end
local held = ARGV[10] == '1'
local duration = tonumber(ARGV[6]) + tonumber(redis.call('HGET', KEYS[8], ARGV[1]) or '0')
local deadline = math.min(now + duration, closes)
if held then deadline = closes end
local nowS, deadlineS = string.format('%d', now), string.format('%d', deadline)
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[3], 'examId', ARGV[3], 'studentId', ARGV[1], 'status', 'in-progress',
  'startedAt', nowS, 'deadline', deadlineS, 'seed', ARGV[7], 'paper', ARGV[8], 'lastActivity', nowS,
  'durationMs', string.format('%d', duration), 'closesMs', string.format('%d', closes))
if statementUntil then redis.call('HSET', KEYS[3], 'statementUntil', string.format('%d', statementUntil)) end
if held then
  redis.call('HSET', KEYS[3], 'hold', 'identity', 'holdSince', nowS)
else
  redis.call('HSET', KEYS[3], 'clockStartedAt', nowS)
end
local seenS = string.format('%d', now + tonumber(ARGV[11] or '0'))
for i = 9, #KEYS do redis.call('ZADD', KEYS[i], seenS, ARGV[2]) end
redis.call('ZADD', KEYS[4], deadlineS, ARGV[2])
redis.call('RPUSH', KEYS[5], cjson.encode({type = 'start', at = now, deadline = deadline, seed = ARGV[7],
  paper = ARGV[8]}))
-- a held attempt's clock has not started: its deadline comes with clock-started (release-hold.lua)
local shown = deadline
if held then shown = cjson.null end
redis.call('PUBLISH', ARGV[12], cjson.encode({type = 'attempt-started', examId = ARGV[3], attemptId = ARGV[2],
  studentId = ARGV[1], name = ((ARGV[13] or '') ~= '' and ARGV[13]) or nil, at = now, deadline = shown, held = held}))
return {'created', ARGV[2], nowS, deadlineS}

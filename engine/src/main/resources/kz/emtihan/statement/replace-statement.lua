-- One step of an application (a signature, a refusal, the issue: 5.34-5.35) stored only if nobody changed it since it
-- was read, with its audit event. A refusal frees the student to apply again (the open guard is deleted if it still
-- names this statement); the issue opens the student's personal window on the exam in the same write (5.35), where
-- start-attempt.lua reads it.
-- Issue 14 (2): the four keys share one hash slot (StatementKeys, ExamKeys.personalWindows), so it runs on a Cluster.
-- KEYS: 1 statement hash, 2 audit list, 3 open guard (exam, student), 4 the exam's personal windows hash
-- ARGV: 1 version read, 2 new document JSON, 3 audit event JSON, 4 statement id, 5 '1' to free the guard,
--       6 student id, 7 'fromMs:untilMs' to open the personal window, or ''
local version = redis.call('HGET', KEYS[1], 'version')
if version ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'version', tostring(tonumber(version) + 1), 'doc', ARGV[2])
redis.call('RPUSH', KEYS[2], ARGV[3])
if ARGV[5] == '1' and redis.call('GET', KEYS[3]) == ARGV[4] then redis.call('DEL', KEYS[3]) end
if ARGV[7] ~= '' then redis.call('HSET', KEYS[4], ARGV[6], ARGV[7]) end
return 1

-- A student's application for an extension (5.34), stored once: one open application per student and exam. The guard
-- key holds the id of the open one; a refusal clears it (replace-statement.lua), an issued statement keeps it.
-- The scan is written under the new id just before (binary, not through a script's arguments), and the id entered in
-- the set of all statements and the student's (a listing skips an id without a statement); the caller removes them
-- when this answers 'open'.
-- Issue 14 (2): the three keys share one hash slot (StatementKeys: the exam's tag), so the script runs on a Cluster.
-- KEYS: 1 open guard (exam, student), 2 statement hash, 3 the statement's audit list
-- ARGV: 1 id, 2 document JSON, 3 audit event JSON
local open = redis.call('GET', KEYS[1])
if open then return {'open', open} end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], 'version', '1', 'doc', ARGV[2])
redis.call('RPUSH', KEYS[3], ARGV[3])
return {'applied', ARGV[1]}

-- Claim an evidence gap (issue 10, 4; the rule of EvidenceRule.missing, on their shared cases in EvidenceScriptsContractTest): the attempt is watched for this kind of evidence and it
-- has not been seen for more than the limit on the store's clock. Atomic, so that of several engine nodes scanning
-- the same sets exactly one raises the evidence-missing flag, once per gap: the attempt moves from the watched set
-- to the gap set (score: when last seen) until the evidence resumes (evidence-seen.lua). A finished attempt is
-- forgotten.
-- KEYS: 1 the exam's watched zset of the kind, 2 its gap zset of the kind, 3 attempt hash, 4 proctor hash (issue 14,
--       2: all in the exam's Cluster slot)
-- ARGV: 1 attempt id, 2 kind, 3 limit ms, 4 last seen ms known to the caller (the socket's presence; 0 if none)
local status = redis.call('HGET', KEYS[3], 'status')
if status ~= 'in-progress' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('ZREM', KEYS[2], ARGV[1])
  return {'gone', '0'}
end
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then return {'not-watched', '0'} end
local seen = math.max(tonumber(score), tonumber(ARGV[4]))
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local seenS = string.format('%d', seen)
if now - seen <= tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], seenS, ARGV[1])
  return {'present', seenS}
end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], seenS, ARGV[1])
redis.call('HSET', KEYS[4], 'missing:' .. ARGV[2], seenS)
return {'missing', seenS}

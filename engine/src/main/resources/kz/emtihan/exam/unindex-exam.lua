-- Issue 14 (2): takes an exam off the sweep index (ExamKeys.sweepExams) only if no node has added it again since the
-- caller found its sets empty: its score (when it was last added) is still before the limit (SweepIndexRule).
-- KEYS: 1 the sweep index zset
-- ARGV: 1 exam id, 2 limit (epoch ms): removed only if added before it
local added = redis.call('ZSCORE', KEYS[1], ARGV[1])
if added and tonumber(added) < tonumber(ARGV[2]) then
  redis.call('ZREM', KEYS[1], ARGV[1])
  return 1
end
return 0

-- Enters a new exam in its schedule index (5.20.1-5.20.3, 5.36-5.38), unless another exam entered it since the index
-- was read: the check and the entry in one step, so two creations cannot both pass a limit.
-- Issue 14 (2): one key, so the script runs on a Redis Cluster. The exam's definition (exam:<id>, its frozen
-- questions) is written before this script and is what this script makes count; the caller lists it in the set of
-- exams after a 'created' and deletes the definition after a 'changed'.
-- KEYS: 1 the index (schedule:<period>:<kind>:<discipline>, or exam:<first>:retakes)
-- ARGV: 1 the index's length the rules were checked against (-1: not a limit, a retake), 2 exam id,
--       3 the week it opens in
-- Returns 'created', or 'changed' when another exam entered the index since it was read (the caller checks again).
if tonumber(ARGV[1]) >= 0 and redis.call('HLEN', KEYS[1]) ~= tonumber(ARGV[1]) then
  return 'changed'
end
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
return 'created'

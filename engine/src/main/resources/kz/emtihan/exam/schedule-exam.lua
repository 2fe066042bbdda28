-- Stores a new exam and its place in the schedule index in one step (5.20.1-5.20.3, 5.36-5.38).
-- KEYS: 1 the index (schedule:<period>:<kind>:<discipline>, or exam:<first>:retakes), 2 exam:<id>:questions,
--       3 exam:<id>, 4 exams
-- ARGV: 1 the index's length the rules were checked against (-1: not a limit, a retake), 2 exam id,
--       3 the week it opens in, 4 the exam's JSON, 5.. question id, stored JSON pairs
-- Returns 'created', or 'changed' when another exam entered the index since it was read (the caller checks again).
if tonumber(ARGV[1]) >= 0 and redis.call('HLEN', KEYS[1]) ~= tonumber(ARGV[1]) then
  return 'changed'
end
for i = 5, #ARGV, 2 do
  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
end
redis.call('HSET', KEYS[3], 'json', ARGV[4])
redis.call('SADD', KEYS[4], ARGV[2])
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
return 'created'

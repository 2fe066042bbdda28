-- Record one camera snapshot's observation and return the recent ones, oldest first (PresenceWindow in Java).
-- Counts the snapshots received ('snapshots': credibility compares them with those expected).
-- KEYS: 1 observations list, 2 proctor hash
-- ARGV: 1 observation 'faces|judgeable(1/0)', 2 window size, 3 snapshot id, 4 at (ISO), 5 faces
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
redis.call('HSET', KEYS[2], 'lastSnapshot', ARGV[3], 'lastSnapshotAt', ARGV[4], 'faces', ARGV[5])
redis.call('HINCRBY', KEYS[2], 'snapshots', 1)
return redis.call('LRANGE', KEYS[1], 0, -1)

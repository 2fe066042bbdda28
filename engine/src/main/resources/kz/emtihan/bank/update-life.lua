-- Replace a bank's life (5.19, 5.24-5.26, 5.31) only if it is still exactly what was read, and append the step to
-- the bank's audit trail in the same script: a step is recorded exactly when it happened.
-- KEYS: 1 the bank's hash (BankKeys.bank), 2 the bank's audit trail list (BankKeys.bankTrail: {bank:<id>}:trail, in the
--       slot of KEYS[1], so the script runs on a Redis Cluster: issue 14, 2)
-- ARGV: 1 the life JSON that was read ("" for none), 2 the new life JSON, 3 the new status, 4 the audit entry JSON
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local cur = redis.call('HGET', KEYS[1], 'life')
if not cur then cur = '' end
if cur ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'life', ARGV[2], 'status', ARGV[3])
redis.call('RPUSH', KEYS[2], ARGV[4])
return 1

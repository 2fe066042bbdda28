-- Replace one stored question only if it is still exactly what was read (an edit in place, issue 12): an edit
-- never brings back a question deleted meanwhile, nor undoes another edit it did not see.
-- KEYS: 1 the bank's questions hash (BankKeys.bankQuestions)
-- ARGV: 1 question id, 2 the stored JSON that was read, 3 the new stored JSON
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if cur ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1

-- Issue 14 (2): moves one key to its name beside its owner's hash slot, once (upgrade.SlottedKeys).
-- Nothing under the old name: nothing to do (0). Nothing under the new one: RENAME (1). Both (a node of the new version
-- wrote the new one meanwhile): a list keeps the old entries first, then the new ones; any other value keeps the new,
-- which is the later; the old is deleted (2).
-- KEYS: 1 the old name, 2 the new name
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('RENAME', KEYS[1], KEYS[2])
  return 1
end
if redis.call('TYPE', KEYS[1])['ok'] == 'list' then
  local items = redis.call('LRANGE', KEYS[1], 0, -1)
  for i = #items, 1, -1 do redis.call('LPUSH', KEYS[2], items[i]) end
end
redis.call('DEL', KEYS[1])
return 2

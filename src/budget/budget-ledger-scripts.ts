// The Redis twins of observe() and admit() in budget-ledger.ts, run atomically on one hash
// (KEYS[1], one Cluster slot). Keep them in step with the TypeScript: budget-ledger.spec.ts runs
// the same table against both.

const HELPERS = `
local key = KEYS[1]
local function num(field)
  local value = redis.call('HGET', key, field)
  if value then return tonumber(value) end
  return nil
end
local function clear_usage()
  local all = redis.call('HKEYS', key)
  for _, field in ipairs(all) do
    if string.sub(field, 1, 2) == 'u:' then redis.call('HDEL', key, field) end
  end
end
`;

/** ARGV: now, remaining, resetAt, limit ('' when unknown), ttlMs. */
export const OBSERVE_SCRIPT = `${HELPERS}
local now = tonumber(ARGV[1])
local remaining = tonumber(ARGV[2])
local reset_at = tonumber(ARGV[3])
local limit = ARGV[4]
local stored_reset = num('resetAt')
local new_window = (stored_reset == nil) or (now >= stored_reset) or (reset_at > stored_reset + 1000)
if new_window then
  if stored_reset ~= nil then clear_usage() end
  local before = now - 2 * (num('windowMs') or 60000)
  local flat = redis.call('HGETALL', key)
  for i = 1, #flat, 2 do
    if string.sub(flat[i], 1, 2) == 's:' and tonumber(flat[i + 1]) < before then
      redis.call('HDEL', key, flat[i])
    end
  end
  redis.call('HSET', key, 'remaining', remaining, 'resetAt', reset_at)
else
  local stored = num('remaining') or remaining
  redis.call('HSET', key, 'remaining', math.min(stored, remaining))
  if remaining == 0 then
    redis.call('HSET', key, 'resetAt', reset_at)
  else
    redis.call('HSET', key, 'resetAt', math.min(stored_reset, reset_at))
  end
end
if limit ~= '' then
  redis.call('HSET', key, 'limit', limit)
  local window = math.max(num('windowMs') or 0, reset_at - now)
  redis.call('HSET', key, 'windowMs', math.min(window, 3600000))
end
redis.call('PEXPIRE', key, tonumber(ARGV[5]))
return 1`;

/**
 * ARGV: now, caller, fairShare ('1'/'0'), defaultWeight, ttlMs, then name/weight pairs.
 * Returns {1} when admitted, else {0, 'spent'|'share', resetAt}.
 */
export const ADMIT_SCRIPT = `${HELPERS}
local now = tonumber(ARGV[1])
local caller = ARGV[2]
local fair = ARGV[3] == '1'
local default_weight = tonumber(ARGV[4])
local weights = {}
for i = 6, #ARGV, 2 do weights[ARGV[i]] = tonumber(ARGV[i + 1]) end
redis.call('HSET', key, 's:' .. caller, now)
redis.call('PEXPIRE', key, tonumber(ARGV[5]))
local reset_at = num('resetAt')
if reset_at == nil then
  redis.call('HINCRBY', key, 'u:' .. caller, 1)
  return {1}
end
local window = num('windowMs') or 60000
if now >= reset_at then
  clear_usage()
  reset_at = now + window
  redis.call('HSET', key, 'resetAt', reset_at)
  local limit = num('limit')
  if limit == nil then
    redis.call('HDEL', key, 'remaining')
  else
    redis.call('HSET', key, 'remaining', limit)
  end
end
local remaining = num('remaining')
if remaining == nil then
  redis.call('HINCRBY', key, 'u:' .. caller, 1)
  return {1}
end
if remaining <= 0 then
  return {0, 'spent', tostring(reset_at)}
end
if fair then
  local active_since = now - window
  local active = {}
  local used = 0
  local usage = {}
  local flat = redis.call('HGETALL', key)
  for i = 1, #flat, 2 do
    local field = flat[i]
    local prefix = string.sub(field, 1, 2)
    if prefix == 's:' and tonumber(flat[i + 1]) >= active_since then
      table.insert(active, string.sub(field, 3))
    elseif prefix == 'u:' then
      usage[string.sub(field, 3)] = tonumber(flat[i + 1])
      used = used + tonumber(flat[i + 1])
    end
  end
  local budget = num('limit') or (remaining + used)
  local total = 0
  local function weight_of(name) return weights[name] or default_weight end
  for _, name in ipairs(active) do total = total + weight_of(name) end
  local function share_of(name) return budget * weight_of(name) / total end
  local function used_by(name) return usage[name] or 0 end
  if used_by(caller) + 1 > share_of(caller) then
    local owed = 0
    for _, name in ipairs(active) do
      if name ~= caller then owed = owed + math.max(0, share_of(name) - used_by(name)) end
    end
    if remaining - owed < 1 then
      return {0, 'share', tostring(reset_at)}
    end
  end
end
redis.call('HSET', key, 'remaining', remaining - 1)
redis.call('HINCRBY', key, 'u:' .. caller, 1)
return {1}`;

-- The quota of one scope, for every instance of an application: the rule of
-- io.nekorekten4j.http.QuotaStore, decided atomically here, on Redis's clock.
--
-- KEYS (one hash tag, so one cluster slot):
--   1 open  hash  permit id -> "slot:leaseEnd" (ms); permits in flight
--   2 log   zset  permit id scored by its anchor (ms): when its answer came back
--   3 day   zset  permit id scored by its slot (ms): the sends that count for the daily cap
--   4 meta  hash  penalty -> the end of a 429's Retry-After (ms)
-- ARGV[1] is the operation; ARGV[2] the instant to use instead of TIME ('' in production:
-- only tests on virtual time give one); the rest depends on the operation.
-- Every key written gets a TTL (ARGV ttl, ms). Replies are arrays of integers.

if redis.replicate_commands then
  redis.replicate_commands() -- Redis < 5: TIME before writes needs effects replication
end

local op = ARGV[1]

local function now_ms()
  if ARGV[2] ~= '' then
    return tonumber(ARGV[2])
  end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function int(x)
  return string.format('%d', x)
end

local function expire_all(ttl)
  for i = 1, 4 do
    redis.call('PEXPIRE', KEYS[i], ttl)
  end
end

local function slot_of(value)
  local sep = string.find(value, ':', 1, true)
  return tonumber(string.sub(value, 1, sep - 1)), tonumber(string.sub(value, sep + 1))
end

-- acquire: ARGV 3 permits, 4 spacing (window + margin, ms), 5 perDay (0: none), 6 budget (ms),
-- 7 lease (ms), 8 permit id, 9 ttl (ms), 10 Sofia midnights around now, ascending, comma-separated.
-- Replies {0, delay, slot} granted, {1, atLeast} wait, {2, waitNeeded} too far, {3, resumesAt} exhausted.
if op == 'acquire' then
  local permits = tonumber(ARGV[3])
  local spacing = tonumber(ARGV[4])
  local per_day = tonumber(ARGV[5])
  local budget = tonumber(ARGV[6])
  local lease = tonumber(ARGV[7])
  local id = ARGV[8]
  local ttl = tonumber(ARGV[9])
  local now = now_ms()

  -- Permits whose lease ended count as answered at the lease's end.
  local open = redis.call('HGETALL', KEYS[1])
  local lower_bounds = {}
  local slot = now
  for i = 1, #open, 2 do
    local s, lease_end = slot_of(open[i + 1])
    if lease_end <= now then
      redis.call('HDEL', KEYS[1], open[i])
      redis.call('ZADD', KEYS[2], int(lease_end), open[i])
    else
      lower_bounds[#lower_bounds + 1] = math.max(s, now)
      if s > slot then
        slot = s -- first come, first served: never ahead of an earlier permit
      end
    end
  end
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', int(now - spacing))

  local penalty = tonumber(redis.call('HGET', KEYS[4], 'penalty') or '0')
  if penalty > slot then
    slot = penalty
  end

  local blocked = false
  local n_open = #lower_bounds
  local n_log = redis.call('ZCARD', KEYS[2])
  if n_open + n_log >= permits then
    local free
    if n_open >= permits then
      -- The permits-th newest is in flight: its anchor is unknown but no earlier than this bound.
      table.sort(lower_bounds, function(a, b) return a > b end)
      free = lower_bounds[permits] + spacing
      blocked = true
    else
      local k = permits - n_open - 1
      local r = redis.call('ZREVRANGE', KEYS[2], k, k, 'WITHSCORES')
      free = tonumber(r[2]) + spacing
    end
    if free > slot then
      slot = free
    end
  end

  if per_day > 0 then
    local midnights = {}
    for m in string.gmatch(ARGV[10], '[^,]+') do
      midnights[#midnights + 1] = tonumber(m)
    end
    local function day_start(t)
      local d = nil
      for i = 1, #midnights do
        if midnights[i] <= t then d = midnights[i] end
      end
      return d
    end
    local function next_day(t)
      for i = 1, #midnights do
        if midnights[i] > t then return midnights[i] end
      end
      return nil
    end
    local today = day_start(now)
    if today == nil then
      return redis.error_reply('ERR nekorekten4j quota: Redis time is outside the Sofia midnights given')
    end
    -- Drop sends that are both before today and more than 24 h old.
    redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', int(math.min(today - 1, now - 86400000)))
    local candidate = slot
    for _ = 1, 64 do
      local d0 = day_start(candidate)
      local d1 = next_day(candidate)
      if d0 == nil or d1 == nil then
        return redis.error_reply('ERR nekorekten4j quota: Redis time is outside the Sofia midnights given')
      end
      local rolling_start = candidate - 86400000
      local in_day = redis.call('ZCOUNT', KEYS[3], int(d0), '+inf')
      local in_rolling = redis.call('ZCOUNT', KEYS[3], '(' .. int(rolling_start), '+inf')
      if in_day >= per_day then
        candidate = d1
      elseif in_rolling >= per_day then
        -- The send that must leave the rolling day, counted from its oldest member.
        local r = redis.call('ZRANGEBYSCORE', KEYS[3], '(' .. int(rolling_start), '+inf', 'WITHSCORES',
          'LIMIT', in_rolling - per_day, 1)
        candidate = tonumber(r[2]) + 86400000
      else
        break
      end
    end
    if candidate > slot then
      return {3, candidate}
    end
  end

  local wait = slot - now
  if wait > budget then
    return {2, wait}
  end
  if blocked then
    return {1, wait}
  end
  redis.call('HSET', KEYS[1], id, int(slot) .. ':' .. int(slot + lease))
  if per_day > 0 then
    redis.call('ZADD', KEYS[3], int(slot), id)
  end
  expire_all(ttl)
  return {0, wait, slot}
end

-- release: ARGV 3 permit id, 4 '1' sent / '0' not sent, 5 ttl. Replies {1} released, {0} unknown.
if op == 'release' then
  local value = redis.call('HGET', KEYS[1], ARGV[3])
  if not value then
    return {0} -- released before, or its lease ended and it was anchored then
  end
  redis.call('HDEL', KEYS[1], ARGV[3])
  local slot = slot_of(value)
  if ARGV[4] == '1' then
    redis.call('ZADD', KEYS[2], int(math.max(now_ms(), slot)), ARGV[3])
  else
    redis.call('ZREM', KEYS[3], ARGV[3])
  end
  expire_all(tonumber(ARGV[5]))
  return {1}
end

-- confirm: ARGV 3 permit id. Replies {1} stands, {0} cancelled by a penalty covering its slot.
if op == 'confirm' then
  local value = redis.call('HGET', KEYS[1], ARGV[3])
  if not value then
    return {1}
  end
  local slot = slot_of(value)
  local penalty = tonumber(redis.call('HGET', KEYS[4], 'penalty') or '0')
  if penalty > slot then
    redis.call('HDEL', KEYS[1], ARGV[3])
    redis.call('ZREM', KEYS[3], ARGV[3])
    return {0}
  end
  return {1}
end

-- penalise: ARGV 3 retry-after (ms), 4 ttl. Replies {penalty end}.
if op == 'penalise' then
  local till = now_ms() + tonumber(ARGV[3])
  local penalty = tonumber(redis.call('HGET', KEYS[4], 'penalty') or '0')
  if till > penalty then
    redis.call('HSET', KEYS[4], 'penalty', int(till))
    penalty = till
  end
  expire_all(tonumber(ARGV[4]))
  return {penalty}
end

return redis.error_reply('ERR nekorekten4j quota: unknown operation')

/**
 * The Lua scripts of the Redis store. Each runs atomically on the server, so a store operation and
 * its index bookkeeping are one step that no client crash or concurrent command can split.
 *
 * Key layout (see `docs/store.md`): `prefix + id` holds the record; bookkeeping keys contain a
 * colon after the prefix (`idx:…`), which an id (base64url) never does.
 *
 * @module
 */
import { createHash } from 'node:crypto'

/**
 * The smallest client the Redis store needs: one generic command call. An ioredis `Redis` or
 * `Cluster` instance fits as is; wrap others, e.g. node-redis:
 * `{ call: (c, ...a) => client.sendCommand([c, ...a.map(String)]) }`.
 */
export interface RedisLike {
  /** Sends one command and resolves with its reply (errors reject). */
  call(command: string, ...args: (string | number)[]): Promise<unknown>
  /** Closes the connection; called by `close()` only for clients the store created itself. */
  quit?(): Promise<unknown>
}

/** A script with its SHA-1, run with EVALSHA and, once per connection, EVAL. */
export interface Script {
  /** The Lua source. */
  source: string
  /** Its SHA-1, hex, as EVALSHA wants it. */
  sha: string
}

const script = (source: string): Script => ({ source, sha: createHash('sha1').update(source).digest('hex') })

/**
 * put — KEYS: record, gone, conversation index, expiry index;
 * ARGV: record JSON, PX, expiresAt, id, expiry member (`id:conversation`).
 * Returns 1 stored, 0 duplicate, -1 already taken.
 */
export const PUT = script(`
if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 0 end
for i, pair in ipairs({ { KEYS[3], ARGV[4] }, { KEYS[4], ARGV[5] } }) do
  redis.call('ZADD', pair[1], ARGV[3], pair[2])
  -- An index lives as long as its latest member, so it vanishes even if nobody sweeps.
  local top = redis.call('ZRANGE', pair[1], -1, -1, 'WITHSCORES')
  redis.call('PEXPIREAT', pair[1], top[2])
end
return 1
`)

/**
 * take — KEYS: record, gone, expiry index; ARGV: prefix, now (ms), holder ('' for none).
 * Returns -1 when another holder's claim is live. Otherwise GETDEL hands the record to exactly
 * one caller; the same step leaves a tombstone until the envelope's own exp (so it cannot be
 * stored again) and drops its index members.
 */
export const TAKE = script(`
local current = redis.call('GET', KEYS[1])
if current then
  local ok, r = pcall(cjson.decode, current)
  if ok and type(r) == 'table' and type(r.heldBy) == 'string' and r.heldBy ~= ARGV[3] and tonumber(r.heldUntil) and tonumber(r.heldUntil) > tonumber(ARGV[2]) then
    return -1
  end
end
local value = redis.call('GETDEL', KEYS[1])
if not value then return false end
local ok, record = pcall(cjson.decode, value)
if ok and type(record) == 'table' and type(record.meta) == 'table' then
  local t = redis.call('TIME')
  local nowMs = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  local untilMs = tonumber(record.sealedExp)
  if untilMs and untilMs > nowMs then redis.call('SET', KEYS[2], '1', 'PXAT', string.format('%d', untilMs)) end
  local id = string.sub(KEYS[1], string.len(ARGV[1]) + 1)
  local conversation = tostring(record.meta.conversation)
  redis.call('ZREM', ARGV[1] .. 'idx:conv:' .. conversation, id)
  redis.call('ZREM', KEYS[3], id .. ':' .. conversation)
end
return value
`)

/**
 * claim — KEYS: record; ARGV: holder, now (ms), until (ms).
 * Returns the record (its JSON as stored before the claim), false when there is none or it has
 * expired, -1 when another holder's claim is live. The claim is written into the record, which
 * keeps its own expiry (KEEPTTL), and ends no later than the envelope's.
 */
export const CLAIM = script(`
local value = redis.call('GET', KEYS[1])
if not value then return false end
local ok, record = pcall(cjson.decode, value)
if not ok or type(record) ~= 'table' or type(record.meta) ~= 'table' then return value end
local now = tonumber(ARGV[2])
local expiresAt = tonumber(record.meta.expiresAt)
if not expiresAt or expiresAt <= now then return false end
if type(record.heldBy) == 'string' and record.heldBy ~= ARGV[1] and tonumber(record.heldUntil) and tonumber(record.heldUntil) > now then
  return -1
end
record.heldBy = ARGV[1]
record.heldUntil = math.min(tonumber(ARGV[3]), expiresAt)
redis.call('SET', KEYS[1], cjson.encode(record), 'KEEPTTL')
return value
`)

/**
 * release — KEYS: record; ARGV: holder. Clears the claim when `holder` holds it; returns 1, else 0.
 */
export const RELEASE = script(`
local value = redis.call('GET', KEYS[1])
if not value then return 0 end
local ok, record = pcall(cjson.decode, value)
if not ok or type(record) ~= 'table' or record.heldBy ~= ARGV[1] then return 0 end
record.heldBy = nil
record.heldUntil = nil
redis.call('SET', KEYS[1], cjson.encode(record), 'KEEPTTL')
return 1
`)

/**
 * sweep — KEYS: expiry index; ARGV: now (ms), prefix.
 * Deletes every record whose expiry has passed and its index members, including members whose
 * record Redis already expired. Returns how many records it deleted.
 */
export const SWEEP = script(`
local members = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local deleted = 0
for _, member in ipairs(members) do
  local sep = string.find(member, ':', 1, true)
  local id = string.sub(member, 1, sep - 1)
  deleted = deleted + redis.call('DEL', ARGV[2] .. id)
  redis.call('ZREM', ARGV[2] .. 'idx:conv:' .. string.sub(member, sep + 1), id)
  redis.call('ZREM', KEYS[1], member)
end
return deleted
`)

/**
 * Runs a script by SHA, loading it on the first NOSCRIPT reply (a restarted or new server).
 */
export async function runScript(client: RedisLike, s: Script, keys: string[], args: (string | number)[]): Promise<unknown> {
  try {
    return await client.call('EVALSHA', s.sha, keys.length, ...keys, ...args)
  } catch (error) {
    if (!String((error as Error)?.message).startsWith('NOSCRIPT')) throw error
    return client.call('EVAL', s.source, keys.length, ...keys, ...args)
  }
}

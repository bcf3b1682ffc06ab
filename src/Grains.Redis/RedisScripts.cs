using Grains.Runtime.Membership;

namespace Grains.Redis;

/// <summary>
/// The Lua scripts behind every write that must not race. Each runs as one atomic step on the server and takes
/// its times from the server's own clock (<c>TIME</c>), never from a silo's. They use only plain strings and Lua's
/// string library (no cjson), so they behave the same on Redis and on Garnet. Every key a script touches is passed in
/// <c>KEYS</c>: Redis Cluster routes by them, and Garnet's transaction mode locks them.
/// </summary>
internal static class RedisScripts
{
    /// <summary>The fields of a state hash.</summary>
    public const string EtagField = "etag";

    public const string DataField = "data";

    /// <summary>Result codes shared by the scripts and their callers.</summary>
    public const long Ok = 1;

    public const long Refused = 0;

    public const long FenceLost = -1;

    public const long EtagMismatch = -2;

    /// <summary>Helpers every script starts with; a membership row is <c>status|startedAtMs|lastHeartbeatMs|name</c>.</summary>
    private static readonly string Prelude = $$"""
        local DEAD = {{(int)SiloStatus.Dead}}
        local function now_ms()
          local t = redis.call('TIME')
          return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        end
        local function parse_member(row)
          local status, started, heartbeat, name = string.match(row, '^(%d+)|(%d+)|(%d+)|(.*)$')
          return tonumber(status), started, tonumber(heartbeat), name
        end
        local function format_member(status, started, heartbeat, name)
          return string.format('%d|%s|%d|%s', status, started, heartbeat, name)
        end
        local function is_live(members, silo)
          local row = redis.call('HGET', members, silo)
          return row and parse_member(row) ~= DEAD
        end

        """;

    /// <summary>
    /// KEYS: members. ARGV: silo id, name, channel. Writes the silo as Active with a fresh heartbeat, unless its row
    /// says it is dead. Returns <see cref="Ok"/> or <see cref="Refused"/>.
    /// </summary>
    public static readonly string Join = Prelude + $$"""
        local row = redis.call('HGET', KEYS[1], ARGV[1])
        if row and parse_member(row) == DEAD then return {{Refused}} end
        local now = now_ms()
        redis.call('HSET', KEYS[1], ARGV[1], format_member({{(int)SiloStatus.Active}}, now, now, ARGV[2]))
        redis.call('PUBLISH', ARGV[3], ARGV[1])
        return {{Ok}}
        """;

    /// <summary>
    /// KEYS: members. ARGV: silo id, new status (empty: keep it), channel (empty: announce nothing). Refreshes the
    /// heartbeat of a live silo and optionally moves its status; a dead or unknown silo stays as it is.
    /// Returns <see cref="Ok"/> or <see cref="Refused"/>.
    /// </summary>
    public static readonly string Touch = Prelude + $$"""
        local row = redis.call('HGET', KEYS[1], ARGV[1])
        if not row then return {{Refused}} end
        local status, started, _, name = parse_member(row)
        if status == DEAD then return {{Refused}} end
        if ARGV[2] ~= '' then status = tonumber(ARGV[2]) end
        redis.call('HSET', KEYS[1], ARGV[1], format_member(status, started, now_ms(), name))
        if ARGV[3] ~= '' then redis.call('PUBLISH', ARGV[3], ARGV[1]) end
        return {{Ok}}
        """;

    /// <summary>
    /// KEYS: members. ARGV: silo id, silence in milliseconds (empty: the caller has proof), channel. Declares the silo
    /// dead, stamped with the server's time. Returns <see cref="Ok"/> when the silo is dead afterwards (also when it
    /// already was, or has no row), <see cref="Refused"/> when it heartbeat within the silence.
    /// </summary>
    public static readonly string DeclareDead = Prelude + $$"""
        local row = redis.call('HGET', KEYS[1], ARGV[1])
        if not row then return {{Ok}} end
        local status, started, heartbeat, name = parse_member(row)
        if status == DEAD then return {{Ok}} end
        local now = now_ms()
        if ARGV[2] ~= '' and now - heartbeat <= tonumber(ARGV[2]) then return {{Refused}} end
        redis.call('HSET', KEYS[1], ARGV[1], format_member(DEAD, started, now, name))
        redis.call('PUBLISH', ARGV[3], ARGV[1])
        return {{Ok}}
        """;

    /// <summary>KEYS: members. ARGV: age in milliseconds. Removes rows dead for longer than that; returns how many.</summary>
    public static readonly string CleanupDead = Prelude + """
        local cutoff = now_ms() - tonumber(ARGV[1])
        local rows = redis.call('HGETALL', KEYS[1])
        local removed = 0
        for i = 1, #rows, 2 do
          local status, _, heartbeat = parse_member(rows[i + 1])
          if status == DEAD and heartbeat < cutoff then
            redis.call('HDEL', KEYS[1], rows[i])
            removed = removed + 1
          end
        end
        return removed
        """;

    /// <summary>
    /// KEYS: directory, members. ARGV: grain id, silo id, entry (<c>siloId|activationId</c>). Returns <c>{Ok}</c> when the grain is now
    /// registered to the caller, <c>{Refused, entry}</c> when a live silo already holds it, and <c>{FenceLost}</c> when
    /// the registering silo is itself dead or unknown.
    /// </summary>
    public static readonly string Register = Prelude + $$"""
        local existing = redis.call('HGET', KEYS[1], ARGV[1])
        if existing and is_live(KEYS[2], string.match(existing, '^([^|]*)|')) then return { {{Refused}}, existing } end
        if not is_live(KEYS[2], ARGV[2]) then return { {{FenceLost}} } end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
        return { {{Ok}} }
        """;

    /// <summary>KEYS: directory. ARGV: grain id, entry. Removes the entry only if it is exactly that one.</summary>
    public static readonly string Unregister = $$"""
        if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
          redis.call('HDEL', KEYS[1], ARGV[1])
          return {{Ok}}
        end
        return {{Refused}}
        """;

    /// <summary>
    /// KEYS: state, directory, members. ARGV: fence grain id (empty: no fence), fence entry, fence silo id, expected
    /// etag, '1' when an etag is expected (else the record must be absent), new etag (empty: delete the record), data.
    /// First the fence: the grain's directory entry must be exactly the fence and its silo must be live. Then the etag.
    /// Returns <c>{Ok}</c>, <c>{FenceLost}</c>, or <c>{EtagMismatch, storedEtag}</c> (no stored etag when there is no record).
    /// </summary>
    public static readonly string WriteState = Prelude + $$"""
        if ARGV[1] ~= '' then
          if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] or not is_live(KEYS[3], ARGV[3]) then return { {{FenceLost}} } end
        end
        local stored = redis.call('HGET', KEYS[1], '{{EtagField}}')
        local expected = false
        if ARGV[5] == '1' then expected = ARGV[4] end
        if stored ~= expected then
          if stored then return { {{EtagMismatch}}, stored } end
          return { {{EtagMismatch}} }
        end
        if ARGV[6] == '' then
          redis.call('DEL', KEYS[1])
        else
          redis.call('HSET', KEYS[1], '{{EtagField}}', ARGV[6], '{{DataField}}', ARGV[7])
        end
        return { {{Ok}} }
        """;

    /// <summary>Returns the server's Garnet version, or an empty string when it is not Garnet.</summary>
    /// <summary>
    /// KEYS[1] = journal list, KEYS[2] = members; ARGV[1] = entry without its time, ARGV[2] = silo id, ARGV[3] = '1' for
    /// an activation's start. Prepends the server's time in Unix ms and returns it. A start is refused with
    /// <see cref="FenceLost"/> once the silo is dead: a zombie resuming mid-activation must not bring a grain to life.
    /// </summary>
    public static readonly string JournalActivation = Prelude + $$"""
        if ARGV[3] == '1' and not is_live(KEYS[2], ARGV[2]) then return {{FenceLost}} end
        local ms = now_ms()
        redis.call('RPUSH', KEYS[1], string.format('%d|%s', ms, ARGV[1]))
        return ms
        """;

    public static readonly string GarnetVersion = """
        local info = redis.call('INFO', 'server')
        return string.match(info, 'garnet_version:([^\r\n]*)') or ''
        """;
}

/// The trusted Lua code that builds a script's environment.
///
/// It runs once per state, in the state's real globals, and returns `make_env(api, help,
/// args, print)`. A script never sees the real globals: it gets a fresh table holding only the
/// allowed functions and *copies* of the allowed library tables, so what it changes stays
/// in its own environment. What the prelude closes:
///
/// - `dofile`, `loadfile`, `package`, `io`, `debug`: never opened or not copied; `require`
///   loads only the office's own stored modules.
/// - `string.dump`: removed; `load` takes text chunks only (mode "t" whatever the script
///   asks) and defaults to the script's environment, never the real globals.
/// - `os`: only `time`, `date`, `clock`, `difftime`.
/// - The string metatable: `getmetatable("")` returns `false`, so it cannot be reached or changed.
/// - `setmetatable` refuses `__gc`: finalisers run with hooks off (no limit could stop them).
/// - `collectgarbage`: only `count`, `collect` and `step`.
/// - `xpcall`: its message handler is skipped once the run is stopped (Lua runs it with hooks off).
/// - `coroutine.wrap`: rebuilt on the tracked `coroutine.resume`, so a stop reaches loops in coroutines.
enum SandboxPrelude {
    static let source = #"""
    local G = _G
    local stopped = __lvz_stopped
    __lvz_stopped = nil
    local xpcall = xpcall
    local type, error, select, pairs, rawget, rawequal = type, error, select, pairs, rawget, rawequal
    local load, setmetatable, getmetatable = load, setmetatable, getmetatable
    local tpack, tunpack = table.pack, table.unpack
    local cocreate, coresume = coroutine.create, coroutine.resume
    local collect = collectgarbage

    string.dump = nil
    getmetatable("").__metatable = false

    coroutine.wrap = function(f)
      local co = cocreate(f)
      return function(...)
        local r = tpack(coresume(co, ...))
        if r[1] then return tunpack(r, 2, r.n) end
        error(r[2], 0)
      end
    end

    local function copy(t)
      local c = {}
      for k, v in pairs(t) do c[k] = v end
      return c
    end

    local base = { "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "rawequal",
                   "rawget", "rawlen", "rawset", "select", "tonumber", "tostring", "type", "xpcall", "_VERSION" }
    local libraries = { "string", "table", "math", "utf8", "coroutine" }
    local allowed_gc = { count = true, collect = true, step = true }

    local function safe_setmetatable(t, mt)
      if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
        error("沙箱不允许 __gc 终结器（终结器不受时间限制约束）", 2)
      end
      return setmetatable(t, mt)
    end

    local function safe_collectgarbage(opt, ...)
      opt = opt or "collect"
      if not allowed_gc[opt] then
        error("沙箱中 collectgarbage 只允许 \"count\"、\"collect\"、\"step\"", 2)
      end
      return collect(opt, ...)
    end

    -- After a stop raised from the hook, Lua calls the message handler with hooks off:
    -- a looping handler could then never be stopped, so it is skipped once stopped.
    local function safe_xpcall(f, handler, ...)
      if type(handler) ~= "function" then return xpcall(f, handler, ...) end
      return xpcall(f, function(e)
        if stopped() then return e end
        return handler(e)
      end, ...)
    end

    return function(api, help, args, print)
      local env = {}
      for _, name in pairs(base) do env[name] = G[name] end
      for _, name in pairs(libraries) do env[name] = copy(G[name]) end
      env.os = { time = os.time, date = os.date, clock = os.clock, difftime = os.difftime }
      env.setmetatable = safe_setmetatable
      env.xpcall = safe_xpcall
      env.collectgarbage = safe_collectgarbage
      env.print = print
      env.load = function(chunk, name, mode, ...)
        if type(chunk) ~= "string" and type(chunk) ~= "function" then
          error("load 只接受文本代码", 2)
        end
        if select("#", ...) > 0 then return load(chunk, name, "t", (...)) end
        return load(chunk, name, "t", env)
      end
      -- require: only the office's own stored modules (lvzhi script add NAME FILE --kind module).
      local loaded = {}
      env.require = function(name)
        if type(name) ~= "string" then error("require 的参数应为模块名称（字符串）", 2) end
        local cached = loaded[name]
        if cached ~= nil then return cached end
        local api_now = rawget(env, "lvzhi")
        local scripts = type(api_now) == "table" and rawget(api_now, "scripts")
        if type(scripts) ~= "table" then
          error("require：找不到模块「" .. name .. "」（脚本只能 require 本政协保存的 Lua 模块）", 2)
        end
        local found, source = pcall(scripts.source, name)
        if not found then error((tostring(source):gsub("^沙箱:%d+: ", "")), 2) end
        local chunk, message = load(source, "=" .. name, "t", env)
        if not chunk then error(message, 0) end
        local value = chunk(name)
        if value == nil then value = true end
        loaded[name] = value
        return value
      end
      -- lvzhi.on(event, fn): in a handler run, calls fn(event) for the event being handled.
      if type(api) == "table" then
        rawset(api, "on", function(name, fn)
          local current = rawget(env, "event")
          if type(current) == "table" and current.name == name then return fn(current) end
        end)
      end
      env.lvzhi = api
      env.help = help
      env.arg = args
      env._G = env
      return env
    end
    """#
}

-- SPDX-License-Identifier: GPL-2.0-or-later
-- runtime.lua: the SLI runtime (gensh.S) and the remote-call helpers
-- (gensh.R) that compiled .g code calls. Loaded once, right after the
-- state is made, with gensh.C (commands), gensh.F (script functions),
-- gensh.types (declared SLI globals), gensh.report, gensh.suggest and
-- gensh.STOP in place.
--
-- SLI values are Lua values: int = integer, float = float, str = string,
-- and a command's list result (GENESIS ARGLIST) = a table {n = N, ...}.
-- The conversions below are GENESIS's (src/ss/eval.c): a string in
-- arithmetic is read as a float ("%lf"), in a comparison with an int as an
-- int ("%d"); floats print with the float format ("%0.10g" by default);
-- a bad conversion is an error that goes on with 0.
--
-- Errors: a failing command or conversion is reported with the script's
-- FILE:LINE and the script goes on (GENESIS), unless -strict, where
-- gensh.report says so and we unwind with gensh.STOP. Runaway recursion
-- and runaway includes stop everything, once.
--
-- Everything global used here is captured now: SLI globals are Lua
-- globals, and a script may declare `str type` or `int next`.

local gensh = gensh
local S, R = gensh.S, gensh.R
local C, F, types = gensh.C, gensh.F, gensh.types
local STOP = gensh.STOP
local G = _G
local type, select, pcall, error, rawget, rawset, tostring, tonumber, ipairs, pairs =
  type, select, pcall, error, rawget, rawset, tostring, tonumber, ipairs, pairs
local mtype, tointeger, fmod, floor, ceil, huge =
  math.type, math.tointeger, math.fmod, math.floor, math.ceil, math.huge
local sfmt, sbyte, smatch, sfind, ssub, gmatch, slower =
  string.format, string.byte, string.match, string.find, string.sub, string.gmatch, string.lower
local tconcat, unpack, tsort = table.concat, table.unpack, table.sort
local getinfo = debug.getinfo

-- SLI globals with the names of Lua's own globals live in gensh.V, so
-- `str table` cannot break Lua (the compiler reaches them through
-- S.getg/S.setg). Every other SLI global is a plain Lua global.
local V = gensh.V or {}
gensh.V = V
local protected = {}
for name in gmatch("assert collectgarbage coroutine debug dofile error getmetatable io ipairs "
    .. "load loadfile math next os package pairs pcall print rawequal rawget rawlen rawset "
    .. "require select setmetatable string table tonumber tostring type utf8 warn xpcall "
    .. "_G _VERSION gensh", "%S+") do
  protected[name] = true
end
S.protected = protected

---------------------------------------------------------------------------
-- errors

-- "FILE:LINE: " of the innermost running script line (chunks of files are
-- named "@FILE"), or "" at the prompt.
local function where()
  for level = 2, 400 do
    local info = getinfo(level, "Sl")
    if not info then break end
    if sbyte(info.source, 1) == 64 and info.currentline > 0 then
      return ssub(info.source, 2) .. ":" .. info.currentline .. ": "
    end
  end
  return ""
end

-- Set when an error must stop every running script (-strict, or a fatal
-- one): include, which runs its file in a protected call, passes the stop
-- on when its file ends.
local stopping = false

-- A reported error; the script goes on unless -strict.
local function fail(msg)
  if gensh.report(where() .. msg) then
    stopping = true
    error(STOP, 0)
  end
end

-- A reported error that stops every running script.
local function fatal(msg)
  gensh.report(where() .. msg)
  stopping = true
  error(STOP, 0)
end

S.where, S.fail, S.fatal = where, fail, fatal

local function shown(s)
  s = tostring(s)
  if #s > 40 then s = ssub(s, 1, 37) .. "..." end
  return "'" .. s .. "'"
end

---------------------------------------------------------------------------
-- conversions

local floatfmt = "%0.10g"

-- The text of small non-negative ints, made once each: loop counters
-- become text in every path a loop builds ("cell[" @ {i} @ "]").
local ints = setmetatable({}, {__index = function(t, v)
  local s = sfmt("%d", v)
  if v >= 0 and v < 65536 then t[v] = s end
  return s
end})

local function str(v)
  local t = type(v)
  if t == "string" then return v end
  if t == "number" then
    if mtype(v) == "integer" then return ints[v] end
    return sfmt(floatfmt, v)
  end
  if v == nil then return "" end
  if t == "table" then return str(v[1]) end -- a list reads as its first item
  if t == "boolean" then return v and "1" or "0" end
  return tostring(v) -- element handles print as their paths
end

-- What C's strtod reads at the start of S (after blanks), or nil.
local function scan_float(s)
  local i = sfind(s, "[^ \t\n\r\f\v]")
  if not i then return nil end
  local hex = smatch(s, "^[+-]?0[xX]%x+", i)
  if hex then
    local neg = sbyte(hex, 1) == 45
    local v = tonumber(smatch(hex, "0[xX]%x+"))
    return (neg and -v or v) + 0.0
  end
  local num = smatch(s, "^[+-]?%d+%.?%d*[eE][+-]?%d+", i)
    or smatch(s, "^[+-]?%.%d+[eE][+-]?%d+", i)
    or smatch(s, "^[+-]?%d+%.?%d*", i)
    or smatch(s, "^[+-]?%.%d+", i)
  if num then
    local v = tonumber(num)
    if v then return v + 0.0 end
  end
  local sign, word = smatch(s, "^([+-]?)(%a+)", i)
  if word then
    word = slower(word)
    if ssub(word, 1, 3) == "inf" then return sign == "-" and -huge or huge end
    if ssub(word, 1, 3) == "nan" then return 0.0 / 0.0 end
  end
  return nil
end

-- CastToInt: a float truncates, a string is read like "%d" ("3.7" -> 3).
local function toint(v)
  local t = type(v)
  if t == "number" then
    if mtype(v) == "integer" then return v end
    local r = tointeger(v >= 0 and floor(v) or ceil(v))
    if r then return r end
    fail("expected a number that fits an int, got " .. shown(sfmt(floatfmt, v)) .. "; using 0")
    return 0
  end
  if t == "string" then
    local d = smatch(v, "^[ \t\n\r\f\v]*([+-]?%d+)")
    if d then
      local r = tointeger(tonumber(d))
      if r then return r end
      fail("expected a number that fits an int, got " .. shown(v) .. "; using 0")
      return 0
    end
    fail("expected a number, got " .. shown(v) .. "; using 0")
    return 0
  end
  if v == nil then return 0 end -- a failed command: already reported
  if t == "table" then return toint(v[1]) end
  if t == "boolean" then return v and 1 or 0 end
  fail("expected a number, got a " .. t .. "; using 0")
  return 0
end

-- What scan_float made of recent strings: a loop reads the same few field
-- values ({getfield ...} text) again and again. Emptied when it is full.
local floats, nfloats = {}, 0

-- CastToFloat: a string is read like "%lf" ("1e3x" -> 1000).
local function tof(v)
  local t = type(v)
  if t == "number" then return v + 0.0 end
  if t == "string" then
    local x = floats[v]
    if x then return x end
    x = scan_float(v)
    if x then
      if nfloats >= 4096 then floats, nfloats = {}, 0 end
      floats[v], nfloats = x, nfloats + 1
      return x
    end
    fail("expected a number, got " .. shown(v) .. "; using 0")
    return 0.0
  end
  if v == nil then return 0.0 end
  if t == "table" then return tof(v[1]) end
  if t == "boolean" then return v and 1.0 or 0.0 end
  fail("expected a number, got a " .. t .. "; using 0")
  return 0.0
end

-- An operand of + - * / % **: numbers stay, strings are read as floats.
local function num(v)
  if type(v) == "number" then return v end
  if type(v) == "table" then return num(v[1]) end
  if type(v) == "boolean" then return v and 1 or 0 end
  return tof(v)
end

-- The truth of a condition: the value cast to int is not 0.
local function truth(v)
  if mtype(v) == "integer" then return v ~= 0 end
  if type(v) == "number" then return v >= 1 or v <= -1 end
  return toint(v) ~= 0
end

S.str, S.toint, S.tof, S.num, S.truth = str, toint, tof, num, truth
local convert = {int = toint, float = tof, str = str}
S.convert = convert

-- The float format used when floats become text (the floatformat command).
-- Returns false (and sets nothing) if FMT is not one number conversion
-- that Lua's string.format takes.
function S.floatformat(fmt)
  fmt = str(fmt)
  if not smatch(fmt, "^%%[-+ #0]?[-+ #0]?%d?%d?%.?%d?%d?[eEfgG]$") or not pcall(sfmt, fmt, 1.5) then
    return false
  end
  floatfmt = fmt
  return true
end

function S.getfloatformat()
  return floatfmt
end

---------------------------------------------------------------------------
-- arithmetic, comparison and logic that need more than Lua's operators

-- / with C semantics: ints divide to an int (toward zero); else floats.
local function div(a, b)
  if mtype(a) == "integer" and mtype(b) == "integer" then
    if b == 0 then
      fail("division by zero; using 0")
      return 0
    end
    local q = a // b
    if q < 0 and q * b ~= a then q = q + 1 end
    return q
  end
  return a / b
end
S.div, S.idiv = div, div

-- % with C semantics (the result has the sign of A); floats use fmod.
function S.mod(a, b)
  if mtype(a) == "integer" and mtype(b) == "integer" and b == 0 then
    fail("division by zero in '%'; using 0")
    return 0
  end
  return fmod(a, b)
end

-- strcmp: byte order, whatever the locale.
local function scmp(a, b)
  if a == b then return 0 end
  local n = #a < #b and #a or #b
  for i = 1, n do
    local x, y = sbyte(a, i), sbyte(b, i)
    if x ~= y then return x < y and -1 or 1 end
  end
  return #a < #b and -1 or 1
end
S.scmp = scmp

local function plain(v)
  local t = type(v)
  if t == "table" then return plain(v[1]) end
  if v == nil then return 0 end
  if t == "boolean" then return v and 1 or 0 end
  return v
end

-- GENESIS's promotion for comparisons: two strings compare as text; a
-- string and an int as ints; a string and a float as floats.
local function pair(a, b)
  a, b = plain(a), plain(b)
  local sa, sb = type(a) == "string", type(b) == "string"
  if sa and sb then return a, b, true end
  if sa then
    if mtype(b) == "integer" then a = toint(a) else a = tof(a) end
  elseif sb then
    if mtype(a) == "integer" then b = toint(b) else b = tof(b) end
  end
  return a, b, false
end

-- Two numbers (a {rand 0 1} against a float) compare at once.
function S.lt(a, b)
  if type(a) == "number" and type(b) == "number" then return a < b end
  local x, y, s = pair(a, b) if s then return scmp(x, y) < 0 end return x < y
end
function S.le(a, b)
  if type(a) == "number" and type(b) == "number" then return a <= b end
  local x, y, s = pair(a, b) if s then return scmp(x, y) <= 0 end return x <= y
end
function S.gt(a, b)
  if type(a) == "number" and type(b) == "number" then return a > b end
  local x, y, s = pair(a, b) if s then return scmp(x, y) > 0 end return x > y
end
function S.ge(a, b)
  if type(a) == "number" and type(b) == "number" then return a >= b end
  local x, y, s = pair(a, b) if s then return scmp(x, y) >= 0 end return x >= y
end
function S.eq(a, b)
  if type(a) == "number" and type(b) == "number" then return a == b end
  local x, y = pair(a, b) return x == y
end
function S.ne(a, b)
  if type(a) == "number" and type(b) == "number" then return a ~= b end
  local x, y = pair(a, b) return x ~= y
end

-- && and ||: GENESIS evaluates both sides, so both arrive evaluated.
function S.both(x, y) return x and y end
function S.either(x, y) return x or y end

---------------------------------------------------------------------------
-- variables

local defaults = {int = 0, float = 0.0, str = ""}

local function store_of(name)
  return protected[name] and V or G
end

-- `int NAME` (float, str) outside a function: a new global starts at 0,
-- 0.0 or ""; a redeclared one keeps its value, converted (GENESIS). With
-- a third argument, that value is assigned (for names kept in gensh.V).
function S.gdecl(name, ty, ...)
  if name == "gensh" then
    fail("'gensh' is reserved for gensh's own Lua table; choose another name")
    return
  end
  local store = store_of(name)
  local old = rawget(store, name)
  local t = type(old)
  local v
  if t == "number" or t == "string" or (t == "table" and types[name]) then
    v = convert[ty](old)
  else
    v = defaults[ty]
  end
  types[name] = ty
  if select("#", ...) > 0 then v = convert[ty]((...)) end
  rawset(store, name, v)
end

-- NAME = V for a global the compiler did not see declared.
function S.setg(name, v)
  local store = store_of(name)
  local ty = types[name]
  if ty then
    rawset(store, name, convert[ty](v))
    return
  end
  local old = rawget(store, name)
  if type(old) == "number" or type(old) == "string" then -- set by Lua code: no type
    rawset(store, name, v)
    return
  end
  fail(sfmt("assignment to undeclared variable '%s': declare it first (int, float or str)", name))
end

-- The value of a global the compiler did not see declared.
function S.getg(name)
  local v = rawget(store_of(name), name)
  local t = type(v)
  if t == "number" or t == "string" or t == "table" then return v end
  if v == nil then
    fail(sfmt("undeclared variable '%s'", name))
  else
    fail(sfmt("'%s' is a %s, not a variable", name, t == "function" and "command" or t))
  end
  return 0
end

---------------------------------------------------------------------------
-- calls

local MAXDEPTH = 10000 -- nested script function calls
local MAXINCLUDE = 40  -- nested include files
local depth, includes = 0, 0
local builtin = {}
S.builtin = builtin

-- After a protected command call: restores the call depth, turns several
-- results into a list, and reports an error (GENESIS goes on).
local function finish(d, ok, ...)
  depth = d
  if ok then
    if select("#", ...) > 1 then return {n = select("#", ...), ...} end
    return (...)
  end
  local e = ...
  if e == STOP then error(STOP, 0) end
  if gensh.report(tostring(e)) then
    stopping = true
    error(STOP, 0)
  end
  return nil
end

local function end_include(i, d, ok, ...)
  includes = i
  if stopping then
    depth = d
    error(STOP, 0)
  end
  return finish(d, ok, ...)
end

local function unknown(name)
  local near = gensh.suggest(name)
  fail(sfmt("unknown command '%s'%s", name, near and ("; did you mean " .. near .. "?") or ""))
  return nil
end

-- A word that names no command: a script of that name, or a program
-- along PATH (autoshell), as GENESIS runs them; else unknown.
local function other(name, ...)
  local what = gensh.fallback(name)
  if what == "script" then return S.cmd("include", name, ...) end
  if what == "program" then return finish(depth, pcall(gensh.execute, name, ...)) end
  return unknown(name)
end

-- The outermost script function call is protected so that the depth count
-- is right again after an error unwinds through it.
local function leave_top(ok, ...)
  depth = 0
  if not ok then error((...), 0) end
  return ...
end

local function leave(...)
  depth = depth - 1
  return ...
end

local function callf(name, f, ...)
  if depth == 0 then
    depth = 1
    return leave_top(pcall(f, ...))
  end
  if depth >= MAXDEPTH then
    fatal(sfmt("function '%s': too many nested calls (more than %d): runaway recursion?",
      name, MAXDEPTH))
  end
  depth = depth + 1
  return leave(f(...))
end

-- A built-in command, reported if it fails.
function S.cmd(name, ...)
  local c = C[name]
  if c == nil then return unknown(name) end
  if name == "include" then
    if includes >= MAXINCLUDE then
      fatal(sfmt("include: files nested too deeply (more than %d): does %s include itself?",
        MAXINCLUDE, shown(str((...)))))
    end
    local i = includes
    if i == 0 then stopping = false end
    includes = i + 1
    return end_include(i, depth, pcall(c, ...))
  end
  return finish(depth, pcall(c, ...))
end

-- A command word: a script function first, then a runtime built-in, then
-- a command.
function S.run(name, ...)
  local f = F[name]
  if f then return callf(name, f, ...) end
  local b = builtin[name]
  if b then return finish(depth, pcall(b, ...)) end
  local c = C[name]
  if c then return finish(depth, pcall(c, ...)) end
  return other(name, ...)
end

-- {name}: a variable if one is declared now, else a call without arguments.
function S.ref(name)
  if types[name] then return rawget(store_of(name), name) end
  if F[name] or builtin[name] or C[name] then return S.run(name) end
  local v = rawget(G, name)
  if type(v) == "number" or type(v) == "string" then return v end
  return other(name)
end

-- Is NAME a variable now? ({x -1} is x - 1 then, else a call of x.)
function S.isvar(name)
  if types[name] then return true end
  local t = type(rawget(G, name))
  return t == "number" or t == "string"
end

-- {name * 2}, name not declared where it is written: an expression unless
-- name is a command or function now (GENESIS then runs the command, with
-- "*" and "2" as its arguments); an expression also when name is nothing
-- at all, so that the error says "undeclared variable".
function S.isexpr(name)
  if S.isvar(name) then return true end
  return not (F[name] or builtin[name] or C[name])
end

-- A lone {call} argument: a list result spreads into several arguments.
function S.sp(v)
  if v == nil then return "" end
  return v
end

-- The arguments in T, lists spread, as strings.
local function flatten(t)
  local out, n = {}, 0
  for i = 1, #t do
    local v = t[i]
    if type(v) == "table" then
      for j = 1, v.n or #v do
        n = n + 1
        out[n] = str(v[j])
      end
    else
      n = n + 1
      out[n] = str(v)
    end
  end
  return out, n
end

function S.runt(name, t)
  local a, n = flatten(t)
  return S.run(name, unpack(a, 1, n))
end

function S.cmdt(name, t)
  local a, n = flatten(t)
  return S.cmd(name, unpack(a, 1, n))
end

-- Many pieces of one word, joined.
function S.join(t)
  local a = {}
  for i = 1, #t do a[i] = str(t[i]) end
  return tconcat(a)
end

-- foreach's items: lists spread, other values keep their type.
function S.each(t)
  local out, n = {}, 0
  for i = 1, #t do
    local v = t[i]
    if type(v) == "table" then
      for j = 1, v.n or #v do
        n = n + 1
        out[n] = v[j] == nil and "" or v[j]
      end
    else
      n = n + 1
      out[n] = v
    end
  end
  return ipairs(out)
end

---------------------------------------------------------------------------
-- script functions and their arguments

-- `function NAME ... end`: F[NAME], and a Lua global of that name unless it
-- is one of Lua's own.
function S.defun(name, fn)
  if name == "gensh" then
    fail("'gensh' is reserved for gensh's own Lua table; choose another function name")
    return
  end
  F[name] = fn
  types[name] = nil
  if not protected[name] then rawset(G, name, fn) end
end

-- The first N arguments as strings ("" when missing), for the parameters.
function S.params(n, ...)
  if n == 1 then
    local a = ...
    return a == nil and "" or str(a)
  end
  local t = {...}
  for i = 1, n do
    local v = t[i]
    t[i] = v == nil and "" or str(v)
  end
  return unpack(t, 1, n)
end

function S.argc(...)
  return select("#", ...)
end

-- {argv N}: argument N as text; 0 is the function's (or script's) name.
function S.argv(n, name, ...)
  n = toint(n)
  if n == 0 then return name end
  if n < 0 or n > select("#", ...) then return "" end
  return str((select(n, ...)))
end

-- arglist STRING...: the words of its arguments, as a list.
function builtin.arglist(...)
  local out, n = {}, 0
  for i = 1, select("#", ...) do
    for w in gmatch(str((select(i, ...))), "[^ \t\n\r\f\v]+") do
      n = n + 1
      out[n] = w
    end
  end
  out.n = n
  return out
end

-- addglobal TYPE NAME [VALUE], getglobal NAME, setglobal NAME VALUE:
-- globals named by a string (GENESIS's way to reach a global whose name a
-- variable holds); addglobal inside a function still declares a global.
function builtin.addglobal(ty, name, ...)
  if not convert[ty] or name == nil or select("#", ...) > 1 then
    fail("addglobal: expected a type (int, float or str), a name and maybe a value")
    return
  end
  S.gdecl(str(name), ty, ...)
end

function builtin.getglobal(name, ...)
  if name == nil or select("#", ...) > 0 then
    fail("getglobal: expected the name of a global")
    return ""
  end
  name = str(name)
  if rawget(store_of(name), name) == nil then
    fail(sfmt("getglobal: no global named '%s'", name))
    return ""
  end
  -- GENESIS gives a float global's value as C's %f writes it (six places)
  if types[name] == "float" then return sfmt("%f", S.getg(name)) end
  return S.getg(name)
end

function builtin.setglobal(name, ...)
  if name == nil or select("#", ...) ~= 1 then
    fail("setglobal: expected the name of a global and its value")
    return
  end
  name = str(name)
  if rawget(store_of(name), name) == nil then
    fail(sfmt("setglobal: no global named '%s' (declare it first: addglobal TYPE NAME)", name))
    return
  end
  S.setg(name, (...))
end

-- floatformat FORMAT: how floats become text, here and (through the
-- command of that name, when there is one) in field values.
function builtin.floatformat(fmt, ...)
  if C.floatformat then C.floatformat(fmt, ...) end
  if (fmt == "-usage" or fmt == "-help") and select("#", ...) == 0 then
    return -- the command printed its usage
  end
  if fmt == nil or select("#", ...) > 0 then
    error(where() .. "floatformat: expected one format like %g or %0.10g", 0)
  end
  if not S.floatformat(fmt) then
    error(where() .. "floatformat: expected a format like %g, %0.10g or %.3f, got " .. shown(fmt), 0)
  end
end

---------------------------------------------------------------------------
-- remote calls: cmd@nodes. R.call and R.async use the parallel layer when
-- it runs; the code below is the stand-in for a bare Lua state, where
-- there is one node (0) in one zone (0), and anything else is refused.

-- The number of nodes and this node's number.
function R.world()
  local nn, me = 1, 0
  if C.nnodes then
    local ok, v = pcall(C.nnodes)
    if ok and mtype(v) == "integer" and v > 0 then nn = v end
  end
  if C.mynode then
    local ok, v = pcall(C.mynode)
    if ok and mtype(v) == "integer" and v >= 0 then me = v end
  end
  return nn, me
end

local function describe_nodes(nn)
  if nn == 1 then return "1 node: 0" end
  return sfmt("%d nodes: 0-%d", nn, nn - 1)
end

-- Reads a node list ("0", "1,3", "0-2", "all", "others", "1.0", "all.all")
-- and returns the node numbers it names, sorted, or nil and why not.
function R.nodes(list)
  local nn, me = R.world()
  if list == "" then return nil, "empty node list" end
  local set, out = {}, {}
  for item in gmatch(list .. ",", "([^,]*),") do
    local node, zone = smatch(item, "^([^.]*)%.(.*)$")
    if not node then node, zone = item, "" end
    if zone ~= "" and zone ~= "0" and zone ~= "all" then
      if zone == "other" or zone == "others" then
        node = nil -- every other zone: there is none
      elseif smatch(zone, "^%d+$") then
        return nil, sfmt("zone %s does not exist (1 zone: 0)", zone)
      else
        return nil, sfmt("bad zone '%s' in node list '%s'", zone, list)
      end
    end
    if node then
      local lo, hi = smatch(node, "^(%d+)%-(%d+)$")
      if node == "all" then
        lo, hi = 0, nn - 1
      elseif node == "other" or node == "others" then
        for k = 0, nn - 1 do
          if k ~= me then set[k] = true end
        end
      elseif lo then
        lo, hi = tonumber(lo), tonumber(hi)
        if lo > hi then return nil, sfmt("bad range '%s' in node list '%s'", node, list) end
      elseif smatch(node, "^%d+$") then
        lo = tonumber(node)
        hi = lo
      else
        return nil, sfmt("bad node '%s' in node list '%s': expected a number, 'all' or 'others'",
          node, list)
      end
      if lo then
        if hi >= nn then
          return nil, sfmt("node %d does not exist (%s)", lo >= nn and lo or hi, describe_nodes(nn))
        end
        for k = lo, hi do set[k] = true end
      end
    end
  end
  for k in pairs(set) do out[#out + 1] = k end
  tsort(out)
  return out
end

local function remote(how, nodes, name, args)
  local list, why = R.nodes(str(nodes))
  if not list then
    fail(sfmt("%s@%s: %s", name, str(nodes), why))
    return nil
  end
  local _, me = R.world()
  local result
  for _, k in ipairs(list) do
    if k == me then
      result = S.runt(name, args)
    else
      fail(sfmt("%s@%s: node %d: running commands on other nodes needs the parallel layer",
        name, str(nodes), k))
    end
  end
  if how == "async" then return 0 end
  return result
end

-- {name args@nodes}: runs NAME with ARGS (a table) on NODES and waits for
-- them; the value is the first node's. With the parallel layer running
-- (gensh.rcall, from interp/lpar.c) the nodes are real MPI ranks; without
-- it (a bare Lua state, as in unit tests) only this node can be named.
function R.call(nodes, name, args)
  local rcall = gensh.rcall
  if not rcall then return remote("call", nodes, name, args) end
  local a, n = flatten(args)
  return finish(depth, pcall(rcall, str(nodes), name, unpack(a, 1, n)))
end

-- async name@nodes args: runs without waiting; gives a future number
-- (the async command does the work: it parses name@nodes and the trailing
-- -complete/-scalar).
function R.async(nodes, name, args)
  local a, n = flatten(args)
  if not C.async then
    if nodes == nil then
      S.runt(name, args)
      return 0
    end
    return remote("async", nodes, name, args)
  end
  local target = nodes == nil and name or (name .. "@" .. str(nodes))
  return finish(depth, pcall(C.async, target, unpack(a, 1, n)))
end

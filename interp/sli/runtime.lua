-- SPDX-License-Identifier: GPL-2.0-or-later
-- runtime.lua: the SLI runtime (gensh.S) and remote-call helpers (gensh.R).
local S, R = gensh.S, gensh.R
local C, F = gensh.C, gensh.F

-- Runs command or script function NAME; a failing command is reported and
-- the script goes on (GENESIS), unless -strict asks to stop.
function S.cmd(name, ...)
  local f = F[name] or C[name]
  if not f then
    local near = gensh.suggest(name)
    local msg = "unknown command '" .. name .. "'" .. (near and ("; did you mean " .. near .. "?") or "")
    if gensh.report(msg) then error(gensh.STOP, 0) end
    return nil
  end
  local ok, res = pcall(f, ...)
  if ok then return res end
  if res == gensh.STOP then error(res, 0) end
  if gensh.report(tostring(res)) then error(gensh.STOP, 0) end
  return nil
end

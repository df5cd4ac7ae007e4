-- SPDX-License-Identifier: GPL-2.0-or-later
-- par_latency.lua: the parallel layer's latencies (not run by make check):
--   gensh -nodes 2 -batch tests/perf/par_latency.lua
-- prints the time of one barrier of every node and of one remote call
-- (node 0 asks node 1 for a value).
paron("-parallel")
local function now()
  local f = io.popen("date +%s.%N")
  local s = f:read("*l")
  f:close()
  return tonumber(s)
end
local nb, nc = 2000, 500
barrier(1)
local t0 = now()
for _ = 1, nb do barrier() end
local t1 = now()
if mynode() == 0 and nnodes() > 1 then
  for _ = 1, nc do gensh.rcall("1", "mynode") end
end
local t2 = now()
barrier(3)
if mynode() == 0 then
  print(string.format("%d nodes: barrier %.1f us; remote call %.1f us", nnodes(),
    (t1 - t0) / nb * 1e6, (t2 - t1) / nc * 1e6))
end

-- SPDX-License-Identifier: GPL-2.0-or-later
-- compare.lua: compares Vm.dat (t, middle cell, lone cell) with GENESIS's
-- rsnet25_vm3.dat (t, middle cell, cell 0, edge cell): the middle cell
-- while t < 0.0315 s, the lone cell while t < 0.23285 s (after that,
-- synaptic input reached GENESIS's cells). Both must match to 1e-6 V;
-- "same digits" says whether every value printed the same as GENESIS's.
local top = os.getenv("GS_TOP_SRCDIR") or "."
local ref = io.popen("xz -dc '" .. top .. "/tests/validation/data/rsnet25_vm3.dat.xz'")
local got = io.open("Vm.dat")
local n, dmid, dlone, nmid, nlone = 0, 0.0, 0.0, 0, 0
local same_mid, same_lone = true, true
local up_ref, up_got, spikes_ref, spikes_got = false, false, 0, 0
for line in got:lines() do
  local t, vm, vl = line:match("^(%S+) (%S+) (%S+)")
  local rline = ref:read("l")
  if not rline or not t then break end
  local rt, rm, r0 = rline:match("^(%S+) (%S+) (%S+)")
  local svm, svl, srm, sr0 = vm, vl, rm, r0
  t, vm, vl, rt, rm, r0 = tonumber(t), tonumber(vm), tonumber(vl), tonumber(rt), tonumber(rm), tonumber(r0)
  if math.abs(t - rt) > 1e-9 then
    print("time column differs at row " .. n .. ": " .. t .. " vs " .. rt)
    break
  end
  if t < 0.0315 - 1e-9 then
    dmid = math.max(dmid, math.abs(vm - rm))
    same_mid = same_mid and svm == srm
    nmid = nmid + 1
    -- spikes: upward crossings of 0 V
    if rm > 0 and not up_ref then spikes_ref = spikes_ref + 1 end
    if vm > 0 and not up_got then spikes_got = spikes_got + 1 end
    up_ref, up_got = rm > 0, vm > 0
  end
  if t < 0.23285 - 1e-9 then
    dlone = math.max(dlone, math.abs(vl - r0))
    same_lone = same_lone and svl == sr0
    nlone = nlone + 1
  end
  n = n + 1
end
got:close()
ref:close()
local function yn(b) return b and "yes" or "no" end
print(string.format("middle cell: %d steps, %d spikes (GENESIS %d), max |dVm| < 1e-6 V: %s, "
  .. "same digits: %s", nmid, spikes_got, spikes_ref, yn(dmid < 1e-6), yn(same_mid)))
print(string.format("lone cell: %d steps, max |dVm| < 1e-6 V: %s, same digits: %s", nlone,
  yn(dlone < 1e-6), yn(same_lone)))

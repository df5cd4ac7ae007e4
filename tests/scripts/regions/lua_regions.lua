-- regions from Lua: the same commands as SLI's, results as numbers, a
-- spike carried by a pattern: lam's cell 1 is driven to fire, and med's
-- cell 2 (fed by it through a one-to-one pattern with a 5 ms delay) and
-- no other med cell receives synaptic current
include("netcell")
createmap("/proto/cell", "/lam", 2, 1, "-delta", 1e-3, 1e-3)
createmap("/proto/cell", "/med", 3, 1, "-delta", 1e-3, 1e-3)
region("lam", "/lam")
region("med", "/med")
print(regionport("lam", "/lam/cell[0:2]/soma/spike", "-output"))
print(regionport("med", "/med/[cell][0:3]/soma/syn", "-input"))
print(regionconnect("p", "/lam/cell[1,0]/soma/spike", "/med/cell[2,0]/soma/syn",
                    "-weight", 10, "-delay", 0.005))
print(pcall(regionconnect, "p", "/lam/cell[1]/soma/spike", "/med/cell[1]/soma/syn"))
showpattern("p")
setfield("/lam/cell[1]/soma", "inject", 1e-9)
setclock(0, 1e-4)
reset()
step(0.05, "-time")
local function fired(path) return tonumber(getfield(path, "lastevent")) end
print(string.format("lam1 last spike at %.4f s", fired("/lam/cell[1]/soma/spike")))
for i = 0, 2 do
    print(string.format("med%d Gk %s", i, tonumber(getfield("/med/cell[" .. i .. "]/soma/syn", "Gk")) > 0))
end

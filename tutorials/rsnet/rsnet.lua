-- rsnet.lua - the rsnet tutorial model (see rsnet.g and README.md) written
-- in Lua: the same cells, network, stimulus and output, built with the same
-- commands called as Lua functions.
--
--   gensh -batch tutorials/rsnet/rsnet.lua [NX [NY [TMAX]]]
--
-- Every gensh command is a Lua function taking its words as arguments
-- (numbers or strings); element(path) gives a handle whose fields read and
-- write like table entries. Errors raise Lua errors.

local args = {...}
local NX = tonumber(args[1]) or 25
local NY = tonumber(args[2]) or NX
local tmax = tonumber(args[3]) or 0.5

local dt = 50e-6
local sep = 0.001            -- m between neighbours
local velocity = 0.5         -- m/s, so neighbours are 2 ms apart
local delay = sep / velocity
local weight = 10
local syn_gmax = 1e-9
local pulse_amp, pulse_width = 1e-9, 0.05

-- Cells are numbered row by row (ix + NX*iy); Lua's // is the integer
-- division SLI's int arithmetic does.
local mid_x, mid_y = (NX - 1) // 2, (NY - 1) // 2
local middle = mid_y * NX + mid_x
local right_edge = mid_y * NX + NX - 1

-- SLI hands computed numbers to commands as text with ten significant
-- digits (GENESIS's %0.10g); doing the same here gives bit-identical
-- tables and so the same spikes as rsnet.g.
local function num(x)
    return string.format("%0.10g", x)
end

-- ---- the cell ------------------------------------------------------------

-- readcell finds rscell.p next to this script.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or ""
if here ~= "" then
    setenv("SIMPATH", here .. ":" .. (getenv("SIMPATH") or ""))
end

setclock(0, dt)

local VT, ENa, EK = -0.063, 0.050, -0.090

-- A tabchannel whose gates use setupalpha's form
-- (A + B*V) / (C + exp((V + D) / F)); gates = {X = {...10 numbers}, ...}.
local function tabchannel(name, Ek, powers, gates)
    create("tabchannel", name)
    setfield(name, "Ek", num(Ek), "Xpower", powers[1], "Ypower", powers[2], "Zpower", powers[3])
    for _, gate in ipairs({"X", "Y"}) do
        local a = gates[gate]
        if a then
            local words = {}
            for i = 1, 10 do words[i] = num(a[i]) end
            setupalpha(name, gate, table.unpack(words))
        end
    end
end

if not element("/library") then
    create("neutral", "/library")
end
disable("/library")
pushe("/library")
create("compartment", "compartment")
local hshift = -0.010
tabchannel("Na_rs", ENa, {3, 1, 0}, {
    X = {320e3 * (0.013 + VT), -320e3, -1.0, -1.0 * (0.013 + VT), -0.004,
         -280e3 * (0.040 + VT), 280e3, -1.0, -1.0 * (0.040 + VT), 5.0e-3},
    Y = {128.0, 0.0, 0.0, -1.0 * (0.017 + VT + hshift), 0.018,
         4.0e3, 0.0, 1.0, -1.0 * (0.040 + VT + hshift), -5.0e-3},
})
tabchannel("Kdr_rs", EK, {4, 0, 0}, {
    X = {32e3 * (0.015 + VT), -32e3, -1.0, -1.0 * (0.015 + VT), -0.005,
         500, 0.0, 0.0, -1.0 * (0.010 + VT), 0.04},
})
tabchannel("KM_rs", EK, {1, 0, 0}, {
    X = {-3.0, -100.0, -1.0, 0.03, -0.009, 3.0, 100.0, -1.0, 0.030, 0.009},
})
create("synchan", "Ex_syn")
setfield("Ex_syn", "Ek", 0.045, "tau1", 3.0e-3, "tau2", 3.0e-3, "gmax", 0)
create("spikegen", "spike")
setfield("spike", "thresh", 0.0, "abs_refract", 0.004, "output_amp", 1)
pope()

readcell("rscell.p", "/library/rscell")
setfield("/library/rscell/soma/Ex_syn", "gmax", syn_gmax)

-- ---- the network -----------------------------------------------------------

createmap("/library/rscell", "/network", NX, NY, "-delta", num(sep), num(sep))
local spikes = "/network/rscell[]/soma/spike"
planarconnect(spikes, "/network/rscell[]/soma/Ex_syn", "-relative",
    "-sourcemask", "box", -1, -1, 1, 1,
    "-destmask", "ellipse", 0, 0, num(1.2 * sep), num(1.2 * sep),
    "-desthole", "box", num(-0.5 * sep), num(-0.5 * sep), num(0.5 * sep), num(0.5 * sep),
    "-probability", 1.1)
planardelay(spikes, "-fixed", num(delay))
planarweight(spikes, "-fixed", weight)

-- ---- the stimulus ------------------------------------------------------------

create("pulsegen", "/stim")
setfield("/stim", "level1", 1.0, "width1", pulse_width, "delay1", 0, "delay2", 1,
    "width2", 0, "baselevel", 0.0, "trig_mode", 0)
create("diffamp", "/stim/amp")
setfield("/stim/amp", "gain", pulse_amp, "saturation", 10000)
addmsg("/stim", "/stim/amp", "PLUS", "output")
addmsg("/stim/amp", "/network/rscell[" .. middle .. "]/soma", "INJECT", "output")

-- ---- output --------------------------------------------------------------------

-- /output exists from start-up, as in GENESIS
create("asc_file", "/output/vm")
setfield("/output/vm", "filename", "rsnet_vm.dat", "leave_open", 1, "float_format", "%.9g")
for _, cell in ipairs({middle, 0, right_edge}) do
    addmsg("/network/rscell[" .. cell .. "]/soma", "/output/vm", "SAVE", "Vm")
end
create("spikehistory", "/output/spikes")
setfield("/output/spikes", "filename", "rsnet_spikes.txt", "ident_toggle", 0, "leave_open", 1)
addmsg(spikes, "/output/spikes", "SPIKESAVE")

-- ---- run -----------------------------------------------------------------------

check()
reset()
step(tmax, "-time")

local fired = 0
for i = 0, NX * NY - 1 do
    if element("/network/rscell[" .. i .. "]/soma/spike").lastevent >= 0 then
        fired = fired + 1
    end
end
print(string.format("rsnet.lua: %d x %d cells, %g s in %s steps of %g s", NX, NY, tmax,
    getstat("-step"), dt))
print(string.format("spikes: %s from %d cells (middle cell %d, right edge %d)",
    element("/output/spikes").nspikes, fired, middle, right_edge))
print("files: rsnet_vm.dat (t, Vm of the middle, corner and right-edge cells), rsnet_spikes.txt")

-- element handles from Lua: field reads and writes, errors, stale handles
create("pulsegen", "/p")
local h = element("/p")
print(h, h.class, h.level1, h.trig_mode)
h.level1 = 0.5
h.trig_mode = 1
print(getfield(h, "level1"), h.trig_mode, type(h.trig_mode))
print(pcall(function() h.trig_mode = 9 end))
print(pcall(function() return h.Vm end))
print(element("/nothing"))
print(element("/p") == h, h.parent, #h.parent.children)
delete("/p")
print(h, pcall(function() return h.level1 end))

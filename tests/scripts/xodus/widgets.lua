-- the Lua route: widgets made with the same commands, callbacks that are
-- Lua functions, and plots read back as numbers
function clicked(widget, value)
  print("clicked", widget, value)
end
function setdt(dialog)
  setclock(0, getfield(dialog, "value"))
  print("dt is now", getclock(0))
end
create("xform", "/control", "[10,50,250,145]", "-title", "Lua panel")
create("xbutton", "/control/go", "-script", "clicked <widget> <v>")
create("xtoggle", "/control/t", "-script", "clicked <widget> <v>")
create("xdialog", "/control/dt", "-value", "0.001", "-script", "setdt <w>")
xshow("/control")
print(getfield("/control", "title"), getfield("/control", "visible"))
call("/control/go", "B1DOWN")
call("/control/t", "B1DOWN")
call("/control/dt", "B1DOWN", "0.5")
create("pulsegen", "/pg")
setfield("/pg", "baselevel", "1", "level1", "3", "delay1", "1", "width1", "1", "trig_mode", "0",
  "delay2", "100")
create("xgraph", "/control/g")
addmsg("/pg", "/control/g", "PLOT", "output", "*out", "*red")
reset()
step(4)
local n = getfield("/control/g/out", "npts")
for i = 0, n - 1 do
  print(getfield("/control/g/out", "xpts->table[" .. i .. "]"),
        getfield("/control/g/out", "ypts->table[" .. i .. "]"))
end
-- a Lua error in a callback is reported; the script goes on
function broken() error("broken callback") end
setfield("/control/go", "script", "broken")
local ok = pcall(call, "/control/go", "B1DOWN")
print("after the broken callback", ok)

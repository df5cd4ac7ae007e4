// script_out runs its command (a script function with arguments) at
// every tick of its clock (clock 1, every 5 steps), last in the step.
// The .out is nxgenesis's output for this script.
setclock 0 1.0
setclock 1 5.0
create pulsegen /p
setfield /p level1 3 width1 2 delay1 4 baselevel 1
create script_out /so
setfield /so command "tick 3 a"
useclock /so 1
function tick(n, w)
    echo tick {n} {w} {getfield /p output}
end
reset
step 16
setfield /so command "echo plain command"
step 5

// test-options: -nox
// step -background returns at once and its steps run when gensh is idle:
// in -batch, after the script's last line (at the prompt, while it waits
// for keys: tests/shell/background.test). One step at a time: another step
// while it is pending is an error; stop and reset drop it.
create compartment /c
setclock 0 1e-3
step 10 -background
reset
step 10 -background
echo started, still at step {getstat -step}
step 5
step 5 -background
stop
echo stopped, still at step {getstat -step}
step 3
echo a plain step runs again: step {getstat -step}
step 4 -background
reset
step 2
echo reset dropped it: step {getstat -step}
// Left pending when the script ends: runs to its end, its last line shown.
step 0.0035 -time -background -verbose
echo the last line of the script

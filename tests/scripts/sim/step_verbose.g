// step -verbose prints one status line per step
setclock 0 0.25
reset
step 3 -verbose

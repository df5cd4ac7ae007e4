// step -verbose prints a status line after the last step, and before it at
// most four a second (these three steps take far less than 0.25 s)
setclock 0 0.25
reset
step 3 -verbose

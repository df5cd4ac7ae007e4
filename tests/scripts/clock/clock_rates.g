// an element on clock 1 (10 base steps) writes one row per 10 steps; clock 0 every step
setclock 0 1e-3
setclock 1 1e-2
create pulsegen /p
setfield /p level1 1 width1 0.005 delay1 0.005
create asc_file /fast
create asc_file /slow
setfield /fast filename fast.txt
setfield /slow filename slow.txt
useclock /slow 1
addmsg /p /fast SAVE output
addmsg /p /slow SAVE output
reset
step 25
sh cat fast.txt
echo ---
sh cat slow.txt

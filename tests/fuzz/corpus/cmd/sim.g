setclock 0 0.001
setclock 1 0.002
showclocks
create pulsegen /p
setfield /p level1 1 width1 0.003 delay1 0.001
useclock /p 1
reset
step 0.01 -time
step 3 -background
stop
showstat
getstat -step
check
echo {rand 0 1} {sqrt 4} {pow 2 3}

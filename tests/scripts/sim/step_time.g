// step N and step T -time count steps as GENESIS does (10,001 steps for 0.5 s at 50 us)
setclock 0 50e-6
reset
step 0.5 -time
echo {getstat -step} {getstat}
reset
echo {getstat -step} {getstat}
step 10
echo {getstat -step}
step
echo {getstat -step}
step 0
echo {getstat -step}
step 1e-3 -time
echo {getstat -step}

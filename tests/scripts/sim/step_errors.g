// test-options: -nox
setclock 0 1e-3
step 5
echo {getstat -step}
reset
step 2.5
step -3
step -time
step 1 2
setclock 0 0
step 1
echo {getstat -step}

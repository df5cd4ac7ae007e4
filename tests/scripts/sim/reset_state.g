// reset puts time and step back to 0 and reruns every RESET action; stop ends a step early
setclock 0 1
create pulsegen /p
setfield /p baselevel 2 level1 5 delay1 1 width1 1
reset
echo {getfield /p output} {getfield /p trig_time}
step 3
echo {getstat} {getfield /p output}
reset
echo {getstat} {getfield /p output}
showstat

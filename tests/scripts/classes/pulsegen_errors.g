// test-options: -nox
setclock 0 1
create pulsegen /p
setfield /p trig_mode 3
addmsg /p /p LEVEL 3 1
reset
step 1
echo {getfield /p trig_mode} {getstat -step}

// test-options: -nox
// check reports elements whose clock is faster than clock 0, and a schedule
// that runs an element twice
setclock 0 1e-3
create pulsegen /p
check
echo ok
setclock 3 1e-4
useclock /p 3
check
useclock /p 0
addtask Simulate /p -action PROCESS
check

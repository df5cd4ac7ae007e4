// A compiled element (here a compartment) on a clock whose step is not
// clock 0's would run at the wrong rate: reset says so and names it.
setclock 0 5e-5
setclock 1 1e-4
create compartment /c
useclock /c 1
reset
echo not reached

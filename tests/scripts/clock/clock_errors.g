// test-options: -nox
setclock 100 1
setclock -1 1
setclock 0 -1
setclock 0 abc
setclock 0
getclock 100
useclock /none 1
create neutral /n
useclock /n 100
useclock /n x
showclocks

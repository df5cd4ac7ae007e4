// setclock, getclock (single precision, as GENESIS), showclocks, useclock on wildcards
setclock 0 50e-6
setclock 1 0.0005
setclock 7 1e-3
echo {getclock 0} {getclock 1} {getclock 2}
showclocks
create neutral /n
create pulsegen /n/p[0]
create pulsegen /n/p[1]
useclock /n/p[] 1
showfield /n/p[1] -basic
setclock 7 0
showclocks

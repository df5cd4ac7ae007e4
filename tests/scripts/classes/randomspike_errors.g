// test-options: -nox
// randomspike errors: bad values, a rate too high for the refractory time
// (found by check), messages it does not take
setclock 0 1e-4
create randomspike /r
setfield /r rate fast
setfield /r rate 300 abs_refract 5e-3
check
setfield /r rate -1
check
setfield /r rate 100
addmsg /r /r INPUT state
check
echo {getfield /r rate} {getfield /r abs_refract}

// readcell -hsolve on a branched cell of symcompartments (the soma's
// three dendrites are linked to each other by CONNECTCROSS, so the
// elimination needs fill-in): the root is an hsolve whose path names the
// symcompartments; after SETUP, backward Euler and Crank-Nicolson at
// dt 10 us settle where the explicit general path settles at dt 0.1 us
// (soma -42.483382 mV, d1b -42.357918 mV, d3c -42.980656 mV, d2
// -42.511678 mV after 0.3 s: the same to 5e-10 V), printed to 8 digits
create neutral /library
create symcompartment /library/symcompartment
readcell hsolve_y.p /cell -hsolve
echo {getfield /cell path}
setfield /cell/d1b inject 1e-11
setfield /cell/soma inject 2e-11
call /cell SETUP
echo ncompts {getfield /cell ncompts}
setclock 0 1e-5
floatformat %0.8g
reset
step 0.3 -time
echo BE {getfield /cell/soma Vm} {getfield /cell/d1b Vm} {getfield /cell/d3c Vm} {getfield /cell/d2 Vm}
setmethod /cell 11
reset
step 0.3 -time
echo CN {getfield /cell/soma Vm} {getfield /cell/d1b Vm} {getfield /cell/d3c Vm} {getfield /cell/d2 Vm}

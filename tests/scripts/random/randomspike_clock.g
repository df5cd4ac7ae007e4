// Randomspikes on clock 1 at twice clock 0's step, with GENESIS's SPRNG
// generator: they run at clock 1's steps and draw with its dt, as GENESIS
// runs them. randomspike_clock.out is nxgenesis 2.4's spike file of this
// script (VAnet2's inputs are made this way).
setrand -sprng
randseed 1404706052
setclock 0 5e-5
setclock 1 0.0001
int n
create neutral /in
create spikehistory /in/h
setfield /in/h filename rs_spikes.txt ident_toggle 0 leave_open 1
for (n=0; n < 20; n=n+1)
    create randomspike /randomspike[{n}]
    useclock /randomspike[{n}] 1
    setfield /randomspike[{n}] rate 70 abs_refract 0.001
    addmsg /randomspike[{n}] /in/h SPIKESAVE
end
setfield /randomspike[] rate 700
reset
step 0.02 -time
call /in/h SAVE
cat rs_spikes.txt

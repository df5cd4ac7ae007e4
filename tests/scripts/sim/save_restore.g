// save and restore: a 4 x 4 sheet of the rsnet tutorial's cells (Na, Kdr
// and KM tabchannels, an excitatory synchan with 2 ms delays, a spikegen)
// with a current pulse into one cell and a randomspike into another's
// synchan is run 30 ms, saved, and run 20 ms more; then reset, restored
// and run the same 20 ms: every soma's Vm, every gate, the synchans' Gk
// and the spike file are the same to the last bit, because the spike
// events on their way at the save (due within 2 ms) travel in the file
// too, and so do the time and the step count (the pulse and the random
// draws follow them).
setenv SIMPATH {getenv GENSH_DATADIR}/../tutorials/rsnet:{getenv SIMPATH}
float dt = 50e-6
float sep = 0.001
setclock 0 {dt}
include rsprotos.g
readcell rscell.p /library/rscell
setfield /library/rscell/soma/Ex_syn gmax 1e-9
createmap /library/rscell /network 4 4 -delta {sep} {sep}
planarconnect /network/rscell[]/soma/spike /network/rscell[]/soma/Ex_syn \
    -relative -sourcemask box -1 -1 1 1 \
    -destmask ellipse 0 0 {1.2*sep} {1.2*sep} \
    -desthole box {-0.5*sep} {-0.5*sep} {0.5*sep} {0.5*sep} -probability 1.1
planardelay /network/rscell[]/soma/spike -fixed 0.002
planarweight /network/rscell[]/soma/spike -fixed 10
create pulsegen /stim
setfield /stim level1 1.0 width1 0.05 delay1 0 delay2 1 width2 0 baselevel 0.0 trig_mode 0
create diffamp /stim/amp
setfield /stim/amp gain 1e-9 saturation 10000
addmsg /stim /stim/amp PLUS output
addmsg /stim/amp /network/rscell[5]/soma INJECT output
create randomspike /rs
setfield /rs rate 200 abs_refract 0.001
addmsg /rs /network/rscell[10]/soma/Ex_syn SPIKE
create spikehistory /output/spikes
setfield /output/spikes filename spikes.txt ident_toggle 0 leave_open 1
addmsg /network/rscell[]/soma/spike /output/spikes SPIKESAVE

// the state: Vm of every soma, the gates and synchan Gk of two cells
function state
    str s = ""
    int i
    floatformat %.17g
    for (i = 0; i < 16; i = i + 1)
        s = s @ " " @ {getfield /network/rscell[{i}]/soma Vm}
    end
    s = s @ " " @ {getfield /network/rscell[5]/soma/Na_rs X}
    s = s @ " " @ {getfield /network/rscell[5]/soma/KM_rs X}
    s = s @ " " @ {getfield /network/rscell[10]/soma/Ex_syn Gk}
    s = s @ " " @ {getfield /network/rscell[6]/soma/Ex_syn Gk}
    floatformat %0.10g
    return {s}
end

reset
step 600
echo saved {save /## run.save} elements at {getstat -step}
str atsave = {state}
step 400
str straight = {state}
echo {getstat -time} {getstat -step}
call /output/spikes FLUSH
sh tail -n +1 spikes.txt > straight.txt

setfield /output/spikes filename resumed.txt
reset
echo restored {restore run.save} elements
echo {getstat -time} {getstat -step}
if ({strcmp {state} {atsave}} == 0)
    echo the saved state is back
end
step 400
echo {getstat -time} {getstat -step}
if ({strcmp {state} {straight}} == 0)
    echo the resumed run ends as the straight one
else
    echo straight: {straight}
    echo resumed:  {state}
end
call /output/spikes FLUSH
// the spikes after the save: those of the straight run from step 600 on
sh "awk '$2 >= 0.03' straight.txt > after.txt"
sh "cmp after.txt resumed.txt && echo same spikes after the save"
sh "wc -l < after.txt"

// The compiled model holds the synapses' weights, delays and arrival
// times: reads and writes go through to it while a run goes on, and a
// spike on its way stays with its synapse's message when a recompile
// renumbers the synapses. /s1 fires once at about 1 ms through a 5 ms
// delay; /s2 never fires, and its SPIKE message is synapse[0].
setclock 0 1e-4
create pulsegen /p
setfield /p level1 1 width1 0.0005 delay1 0.001 delay2 1 baselevel 0 trig_mode 0
create spikegen /s1
setfield /s1 thresh 0.5 abs_refract 1 output_amp 1
addmsg /p /s1 INPUT output
create spikegen /s2
setfield /s2 thresh 10 abs_refract 1 output_amp 1
addmsg /p /s2 INPUT output
create compartment /c
create synchan /c/syn
setfield /c/syn tau1 1e-3 tau2 1e-3 gmax 1e-9 Ek 0
addmsg /c /c/syn VOLTAGE Vm
addmsg /c/syn /c CHANNEL Gk Ek
addmsg /s2 /c/syn SPIKE
addmsg /s1 /c/syn SPIKE
setfield /c/syn synapse[0].weight 7 synapse[1].delay 0.005 synapse[1].weight 2

// the step at which Gk first rises, and Gk at step 100
function run(change)
    int change
    int first = -1
    reset
    step 30
    if (change == 1)
        deletemsg /s2 0 -outgoing
    elif (change == 2)
        setfield /c/syn synapse[1].weight 4
    elif (change == 3)
        planarweight /s1 -fixed 4
    end
    while ({getstat -step} < 100)
        step 1
        if (first < 0 && {getfield /c/syn Gk} > 0)
            first = {getstat -step}
        end
    end
    if (change == 1)
        echo arrival times: {getfield /c/syn synapse[0].last_spike_time} (/s1's now), {getfield /c/syn nsynapses} synapse
        // the synapses as they were
        deletemsg /s1 0 -outgoing
        addmsg /s2 /c/syn SPIKE
        addmsg /s1 /c/syn SPIKE
        setfield /c/syn synapse[0].weight 7 synapse[1].delay 0.005 synapse[1].weight 2
    end
    return first @ " " @ {getfield /c/syn Gk}
end

str plain = {run 0}
echo Gk first rises at step and is: {plain}
echo arrival time of the spike on synapse[1]: {getfield /c/syn synapse[1].last_spike_time}
echo none on synapse[0]: {getfield /c/syn synapse[0].last_spike_time}
echo the spike stays with its message when synapse[0] goes at step 30: {{run 1} == plain}
str set = {run 2}
echo weight 4 set in flight: {set}
echo planarweight to 4 in flight does the same: {{run 3} == set}
echo weight read back: {getfield /c/syn synapse[1].weight}
// last_spike_time is a field like the others while compiled
reset
step 10
setfield /c/syn synapse[0].last_spike_time 0.25
echo set while compiled: {getfield /c/syn synapse[0].last_spike_time}
step 1
echo still there after a step: {getfield /c/syn synapse[0].last_spike_time}

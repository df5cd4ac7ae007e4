// A spike on its way survives a recompile in the middle of a run: a
// structural change (a new element) while a spike travels its 5 ms delay
// must not lose it. The spikegen fires once, at about 1 ms; the synchan's
// Gk rises from the step its event is due, whether or not the model was
// recompiled at 3 ms, when the event was still on its way. Deleting the
// SPIKE message then drops its event, as GENESIS's synchan does.
setclock 0 1e-4
create pulsegen /p
setfield /p level1 1 width1 0.0005 delay1 0.001 delay2 1 baselevel 0 trig_mode 0
create spikegen /s
setfield /s thresh 0.5 abs_refract 1 output_amp 1
addmsg /p /s INPUT output
create compartment /c
create synchan /c/syn
setfield /c/syn tau1 1e-3 tau2 1e-3 gmax 1e-9 Ek 0
addmsg /c /c/syn VOLTAGE Vm
addmsg /c/syn /c CHANNEL Gk Ek
addmsg /s /c/syn SPIKE
setfield /c/syn synapse[0].delay 0.005 synapse[0].weight 2

// the step at which Gk first rises, and Gk after 10 ms
function run(change)
    int change
    int first = -1
    reset
    step 30
    if (change == 1)
        create compartment /lonely
    elif (change == 2)
        deletemsg /s 0 -outgoing
    end
    while ({getstat -step} < 100)
        step 1
        if (first < 0 && {getfield /c/syn Gk} > 0)
            first = {getstat -step}
        end
    end
    if (change == 1)
        delete /lonely
    end
    return first @ " " @ {getfield /c/syn Gk}
end

str plain = {run 0}
str changed = {run 1}
echo without a recompile, Gk first rises at step and is: {plain}
echo the same with a new element at step 30: {plain == changed}
echo with the SPIKE message deleted at step 30: {run 2}

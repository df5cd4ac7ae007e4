// Fused windows (sched.c): where every scheduled element either never
// reads the compiled model or only reads it, a window of steps runs in
// three passes (the elements ahead, the model, the elements behind). The
// files must be the same bytes as step by step; an element of a class
// that may read other elements otherwise (a calculator here, connected
// to nothing) keeps the steps one by one. Each case runs both ways.
setclock 0 5e-5
create compartment /c
setfield /c Rm 1e8 Cm 1e-10 Em -0.07 initVm -0.07
create spikegen /c/spk
setfield /c/spk thresh -0.062 abs_refract 0.002 output_amp 1
addmsg /c /c/spk INPUT Vm
create compartment /c2
setfield /c2 Rm 1e8 Cm 1e-10 Em -0.07 initVm -0.07
create pulsegen /p
setfield /p level1 1 width1 0.004 delay1 0.001 delay2 0.006 baselevel 0 trig_mode 0
create diffamp /p/amp
setfield /p/amp gain 2e-10 saturation 1
addmsg /p /p/amp PLUS output
addmsg /p/amp /c INJECT output
create asc_file /vm
setfield /vm leave_open 1 float_format %.17g
addmsg /c /vm SAVE Vm
create spikehistory /sp
setfield /sp ident_toggle 0 leave_open 1
addmsg /c/spk /sp SPIKESAVE

// run TAG: 2500 steps (windows of 1024, 1024 and 452) into vm_TAG.dat and sp_TAG.txt
function run(tag)
    setfield /vm filename vm_{tag}.dat
    setfield /sp filename sp_{tag}.txt
    reset
    step 2500
    setfield /vm filename none.dat
    setfield /sp filename none.txt
    reset
end

// both NAME: the case fused and step by step
function both(name)
    run fused
    create calculator /stepwise
    run steps
    delete /stepwise
    sh "cmp -s vm_fused.dat vm_steps.dat && cmp -s sp_fused.txt sp_steps.txt && echo "{name}": the same bytes || echo "{name}": DIFFER"
end

both "pulse into a cell, Vm and spikes saved"
sh "wc -l < sp_fused.txt"
// an output that reads the model and an element ahead of it: step by step
addmsg /p /vm SAVE output
both "Vm and the pulse in one file"
deletemsg /vm 1 -incoming
// the model's Vm through a diffamp into another cell: step by step
create diffamp /fb
setfield /fb gain 1e-9 saturation 1
addmsg /c /fb PLUS Vm
addmsg /fb /c2 INJECT output
addmsg /c2 /vm SAVE Vm
both "a loop from the model back into it"

// A spikegen on a cell under an hsolve: with chanmode 0 or 1 it stays an
// element of its own (refractory as a time, 20 steps here); with chanmode
// 2 to 5 the hsolve fires it by its own rule (Vm > thresh, a refractory
// period of int(abs_refract/dt + 1.9) = 21 steps). hsolve_spikegen.out is
// nxgenesis 2.4's two spike files.
setclock 0 5e-5
function run(mode)
    create neutral /cell
    create compartment /cell/soma
    setfield /cell/soma Rm 1e9 Cm 1e-11 Em -0.07 initVm -0.07 inject 1e-9
    create spikegen /cell/soma/spike
    setfield /cell/soma/spike thresh -0.06 abs_refract 0.001 output_amp 1
    addmsg /cell/soma /cell/soma/spike INPUT Vm
    create hsolve /cell/solve
    setfield /cell/solve path /cell/##[][TYPE=compartment] chanmode {mode}
    setmethod 11
    call /cell/solve SETUP
    create spikehistory /h
    setfield /h filename hspk{mode}.txt ident_toggle 0 leave_open 1
    addmsg /cell/soma/spike /h SPIKESAVE
    reset
    step 0.01 -time
    call /h SAVE
    delete /h
    delete /cell
end
run 0
run 4
cat hspk0.txt hspk4.txt

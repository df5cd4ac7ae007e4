// test-options: -nox
// synchan errors: synapses that do not exist, SPIKE messages from elements
// that do not spike, messages the compiled model cannot run, time
// constants <= 0; each fails alone and changes nothing
setclock 0 1e-4
create compartment /c
setfield /c Rm 1e8 Cm 1e-10 Em -0.07 initVm -0.07
create synchan /c/syn
setfield /c/syn Ek 0 gmax 1e-9 tau1 3e-3 tau2 3e-3
addmsg /c /c/syn VOLTAGE Vm
create spikegen /sg
addmsg /c /sg INPUT Vm
addmsg /sg /c/syn SPIKE
addmsg /c/syn /c CHANNEL Gk Ek
setfield /c/syn synapse[1].weight 2
setfield /c/syn synapse[0].strength 2
setfield /c/syn synapse[0].weight abc
echo weight {getfield /c/syn synapse[0].weight}
setfield /c/syn nsynapses 4
addmsg /sg /c/syn SPIKE 1
addmsg /c /c/syn SPIKE
reset
deletemsg /c/syn 2 -incoming
create pulsegen /p
addmsg /p /c/syn MOD output
reset
deletemsg /c/syn 2 -incoming
setfield /c/syn tau1 0
reset
setfield /c/syn tau1 3e-3
reset
step 1
echo {getfield /c/syn nsynapses} {getfield /c/syn Gk}

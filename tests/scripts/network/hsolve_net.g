// A small network of cells under hsolves (chanmode 4, Crank-Nicolson),
// wired as GENESIS's tutorial VAnet2 is: an hsolve set up in the first
// cell of each layer and DUPLICATEd to the others, zero synaptic delays,
// randomspike inputs on a clock twice as slow, SPRNG numbers. GENESIS's
// hsolvers deliver a spike in the step it is fired to the cells whose
// hsolve runs later, and a step later to the others; they keep each
// synchan's pending events in unsigned steps and lose the events that
// fall behind; and a message from an hsolve reads the field a
// findsolvefield name stands for. hsolve_net.out is what nxgenesis 2.4
// prints running this script (less its banner and step reports): every
// spike, and one cell's Vm and synaptic conductances every millisecond.
setrand -sprng
randseed 1404706052
setclock 0 5e-5
setclock 1 1e-4
setclock 2 1e-3
float area = 2e-8
create neutral /library
create neutral /library/cell
create compartment /library/cell/soma
setfield /library/cell/soma Rm {2.0 / area} Cm {0.01 * area} Em -0.065 initVm -0.065
create tabchannel /library/cell/soma/Na
setfield /library/cell/soma/Na Ek 0.050 Gbar {1200 * area} Xpower 3 Ypower 1
setupalpha /library/cell/soma/Na X -4000 -1e5 -1 0.040 -0.010  4000 0 0 0.065 0.018 -size 3000 -range -0.1 0.05
setupalpha /library/cell/soma/Na Y 70 0 0 0.065 0.020  1000 0 1 0.035 -0.010 -size 3000 -range -0.1 0.05
create tabchannel /library/cell/soma/K
setfield /library/cell/soma/K Ek -0.077 Gbar {360 * area} Xpower 4
setupalpha /library/cell/soma/K X -550 -1e4 -1 0.055 -0.010  125 0 0 0.065 0.080 -size 3000 -range -0.1 0.05
create synchan /library/cell/soma/Ex_channel
setfield /library/cell/soma/Ex_channel Ek 0 tau1 1e-3 tau2 5e-3 gmax 6e-9
create synchan /library/cell/soma/Inh_channel
setfield /library/cell/soma/Inh_channel Ek -0.08 tau1 1e-3 tau2 10e-3 gmax 67e-9
create spikegen /library/cell/soma/spike
setfield /library/cell/soma/spike thresh 0 abs_refract 0.005 output_amp 1
str ch
foreach ch ({arglist "Na K Ex_channel Inh_channel"})
    addmsg /library/cell/soma/{ch} /library/cell/soma CHANNEL Gk Ek
    addmsg /library/cell/soma /library/cell/soma/{ch} VOLTAGE Vm
end
addmsg /library/cell/soma /library/cell/soma/spike INPUT Vm

createmap /library/cell /Ex 8 5 -delta 40e-6 40e-6
createmap /library/cell /Inh 5 2 -delta 80e-6 80e-6 -origin 20e-6 20e-6

function solve(layer, n)
    str layer, s = "/" @ {layer} @ "/cell[0]/solver"
    int n, i
    create hsolve {s}
    setmethod {s} 11
    setfield {s} chanmode 4 path "../soma"
    call {s} SETUP
    for (i = 1; i < n; i = i + 1)
        call {s} DUPLICATE /{layer}/cell[{i}]/solver ../soma
    end
end
solve Ex 40
solve Inh 10
reset

planarconnect /Ex/cell[]/soma/spike /Ex/cell[]/soma/Ex_channel -relative \
    -sourcemask box -1 -1 1 1 -destmask box -1 -1 1 1 \
    -desthole box -20e-6 -20e-6 20e-6 20e-6 -probability 0.3
planarconnect /Ex/cell[]/soma/spike /Inh/cell[]/soma/Ex_channel -relative \
    -sourcemask box -1 -1 1 1 -destmask box -1 -1 1 1 -probability 0.3
planarconnect /Inh/cell[]/soma/spike /Inh/cell[]/soma/Inh_channel -relative \
    -sourcemask box -1 -1 1 1 -destmask box -1 -1 1 1 \
    -desthole box -40e-6 -40e-6 40e-6 40e-6 -probability 0.3
planarconnect /Inh/cell[]/soma/spike /Ex/cell[]/soma/Inh_channel -relative \
    -sourcemask box -1 -1 1 1 -destmask box -1 -1 1 1 -probability 0.3
planarweight /Ex/cell[]/soma/spike -fixed 1
planarweight /Inh/cell[]/soma/spike -fixed 1
planardelay /Ex/cell[]/soma/spike -fixed 0
planardelay /Inh/cell[]/soma/spike -fixed 0

int i
for (i = 0; i < 40; i = i + 1)
    create randomspike /input[{i}]
    useclock /input[{i}] 1
    setfield /input[{i}] rate 200 abs_refract 0.001
    addmsg /input[{i}] /Ex/cell[{i}]/soma/Ex_channel SPIKE
end
planarweight /input[] -fixed 10

create spikehistory /exspikes
setfield /exspikes filename ex.txt ident_toggle 0 leave_open 1
addmsg /Ex/cell[]/soma/spike /exspikes SPIKESAVE
create spikehistory /inhspikes
setfield /inhspikes filename inh.txt ident_toggle 0 leave_open 1
addmsg /Inh/cell[]/soma/spike /inhspikes SPIKESAVE
create asc_file /vm
setfield /vm filename vm.txt leave_open 1
useclock /vm 2
str s = "/Ex/cell[17]/solver", c = "/Ex/cell[17]/soma"
addmsg {s} /vm SAVE {findsolvefield {s} {c} Vm}
addmsg {s} /vm SAVE {findsolvefield {s} {c}/Ex_channel Gk}
addmsg {s} /vm SAVE {findsolvefield {s} {c}/Inh_channel Gk}
reset
step 0.06 -time
call /exspikes SAVE
call /inhspikes SAVE
call /vm SAVE
cat ex.txt inh.txt vm.txt

// regions_cell.g: netcell.g of tests/scripts/regions (a small prototype cell:
// with a passive soma, a spike generator on its Vm and an excitatory
// synaptic channel, under /proto (made at start-up and left out of the
// simulation, as in GENESIS: no create or disable of it here).
//
create neutral /proto/cell
create compartment /proto/cell/soma
setfield /proto/cell/soma Rm 1e8 Cm 1e-10 Em -0.07 initVm -0.07
create spikegen /proto/cell/soma/spike
setfield /proto/cell/soma/spike thresh -0.05 abs_refract 0.004
addmsg /proto/cell/soma /proto/cell/soma/spike INPUT Vm
create synchan /proto/cell/soma/syn
setfield /proto/cell/soma/syn Ek 0 tau1 0.001 tau2 0.002 gmax 1e-9
addmsg /proto/cell/soma /proto/cell/soma/syn VOLTAGE Vm
addmsg /proto/cell/soma/syn /proto/cell/soma CHANNEL Gk Ek

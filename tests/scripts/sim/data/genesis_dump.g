//genesis

initdump -version 3
simobjdump neutral
simobjdump compartment x0 y0 z0 activation Vm previous_state Im Em Rm Cm Ra \
  inject dia len initVm
simobjdump pulsegen output level1 width1 delay1 level2 width2 delay2 \
  baselevel trig_time trig_mode previous_input
simundump neutral /a 0
simundump compartment /a/compt 0 0 0 0 0 0 0 0 0 1 1 1 0 0 0 0
simundump neutral /b 32
simundump compartment /b/compt 0 0 0 0 0 0 0 0 0 1 1 1 0 0 0 0
simundump pulsegen /p 1 0 2 3 0 0 0 0 0 -1 0 0
addmsg /b/compt /a/compt RAXIAL Ra Vm 
addmsg /p /a/compt INJECT output 
addmsg /a/compt /b/compt AXIAL Vm 
enddump
// End of dump


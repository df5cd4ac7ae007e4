// rankfiles.g: every node writes its own hdf5_out (rankK.h5) and leaves
// it open when the script ends: gensh closes it, with every row, before
// MPI ends (rankfiles.test).
paron -parallel
create pulsegen /p
setfield /p level1 {{mynode} + 1} width1 1 delay1 0
create hdf5_out /out
setfield /out filename rank{mynode}.h5
addmsg /p /out SAVE output
setclock 0 0.001
reset
step 100

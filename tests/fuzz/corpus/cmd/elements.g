create neutral /a
create compartment /a/c
setfield /a/c Rm 1e6 Cm 1e-9 Em -0.07 inject 1e-9
showfield /a/c Vm Rm
copy /a /b
move /b /a/b2
le /a
ce /a
pwe
getfield c Vm
delete /a/b2
exists /a/c

setfield /nothing x 1
create nosuchclass /x
addmsg /a /b NOPE
step
create compartment /c
setfield /c Vm abc
step -5
step 1 2 3 -time
showfield /c[9] Vm
createmap /c /m 0 -1
planarconnect /x /y -probability 2

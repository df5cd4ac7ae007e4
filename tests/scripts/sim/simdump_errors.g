// test-options: -nox
// bad input to the dump commands: each fails with its reason, and
// nothing is created or changed
create compartment /c
create neutral /n
simobjdump nosuchobject
simundump compartment /x 0 1 2
simobjdump compartment Rm Cm
simundump compartment /c 0 1
simundump compartment /d 0 1 x
simundump neutral /c 0
simundump compartment /n 0 1 2
simundump compartment /c 64 1 2
simundump compartment /no/parent 0 1 2
initdump -ignoreorphans 1
simundump compartment /no/parent 0 1 2
initdump -version 2
simdump out.g
simdump out.g -path /nothing
simdump no/such/dir/out.g -path /c
le /
echo {getfield /c Rm}

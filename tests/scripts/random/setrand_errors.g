// test-options: -nox
// setrand and setrandfield errors: nothing changes (the generator in use,
// the field); setrand alone says which generator is in use (gensh's keyed
// streams by default)
setrand
setrand -nr -sprng
setrand
setrand -bogus
setrandfield /nothing Rm -uniform 0 1
create compartment /c
setfield /c Rm 5
setrandfield /c Rm
setrandfield /c Rm -uniform 0 1 -gaussian 0 1
setrandfield /c nofield -uniform 0 1
setrandfield /c/x[] Rm -uniform 0 1
setrandfield /c Rm -gaussian 0 -1
setrandfield /c Rm -exponential 0 1
setrandfield /c Rm -uniform 0 x
echo {getfield /c Rm}
randseed 3x
setrand -keyed

// setrandfield -uniform, -gaussian, -exponential over a wildcard, with
// GENESIS's generators: the fields get GENESIS 2.4's very values (the .out
// is nxgenesis's output for this script), values passed as "%e" text
setrand -nr
create neutral /net
create compartment /net/c[0]
create compartment /net/c[1]
create compartment /net/c[2]
create compartment /net/c[3]
create compartment /net/c[4]
create compartment /net/c[5]
setrandfield /net/c[] Rm -uniform 1 2
setrandfield /net/c[] Em -gaussian -0.07 0.005
setrandfield /net/c[] Cm -exponential 1e-11 3e-11
setrandfield /net/c[0] initVm -gaussian -0.07 0.005
int i
for (i = 0; i < 6; i = i + 1)
    echo {getfield /net/c[{i}] Rm} {getfield /net/c[{i}] Em} {getfield /net/c[{i}] Cm} {getfield /net/c[{i}] initVm}
end
echo {gaussian -0.07 0.005}
echo {rand 0 1}
setrand -sprng
randseed 31
setrandfield /net/c[] Rm -uniform 1 2
setrandfield /net/c[] Em -gaussian -0.07 0.005
setrandfield /net/c[] Cm -exponential 1e-11 1.2e-11
for (i = 0; i < 6; i = i + 1)
    echo {getfield /net/c[{i}] Rm} {getfield /net/c[{i}] Em} {getfield /net/c[{i}] Cm}
end
echo {rand 0 1}

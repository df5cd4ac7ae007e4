// Wildcard conditions on fields ([x>2], [Vm<0], = <> != > < >= <=) and
// OBJECT= as TYPE=; setfield -empty_ok (orient2's control.g) sets nothing,
// silently, when its path matches nothing. The output is nxgenesis's for
// the same script.
create neutral /r
create neutral /r/a
setfield /r/a x 1 y 2
create neutral /r/b
setfield /r/b x 5 y 2
create compartment /r/c
setfield /r/c x 3 Vm -0.07
echo {el /r/#[x>2]}
echo {el /r/#[x>0][y<3]}
echo {el /r/#[x>=1][x<=3]}
echo {el /r/#[x<>5]}
echo {el /r/#[x!=5][TYPE=neutral]}
echo {el /r/#[Vm<0]}
echo {el /r/#[TYPE<>neutral]}
echo {el /r/#[OBJECT=compartment]}
echo {el /r/#[x=3]}
echo {el /r/##[x>0]}
create randomspike /r/a/input
setfield /r/#[x>0]/input rate 5 -empty_ok
echo {getfield /r/a/input rate}
setfield /r/#[x>10]/input rate 7 -empty_ok
setfield /r/#[x>0]/input rate 9 -empty
echo {getfield /r/a/input rate}
// No name before a bracket is any name (VAnet2's ../[][TYPE=compartment])
create compartment /r/c[1]
echo A {el /r/[]}
echo B {el /r/[TYPE=compartment]}
echo C {el /r/[][TYPE=compartment]}
echo D {el /r/[1]}

// el over the wildcard forms: [], ranges, lists, #, ##, TYPE/ISA/CLASS, commas
create neutral /net
create neutral /net/cell[0]
create neutral /net/cell[1]
create neutral /net/cell[2]
create pulsegen /net/cell[0]/pg
create pulsegen /net/cell[2]/pg
create asc_file /net/out
create table /net/tab
echo {el /net/cell[]}
echo {el /net/cell[1-2]}
echo {el /net/cell[0,2]/pg}
echo {el /net/#}
echo {el /net/c*}
echo {el /##[TYPE=pulsegen]}
echo {el /##[CLASS=output]}
echo {el /##[ISA=table]}
echo {el /net/#[TYPE!=neutral]}
echo {el /net/##[CLASS!=device][TYPE!=neutral]}
echo {el /net/out,/net/tab}
echo {el /net/cell[]/pg/..}
ce /net/cell[2]
echo {el pg} {el ../cell/pg} {el .}
echo {el /nothing/#}
echo {exists /net/cell[1]} {exists /net/cell[3]} {exists /net/tab step_mode} {exists /net/tab Vm}
echo {isa table /net/tab} {isa neutral /net/tab}
echo {getpath /net/cell[2]/pg -head} {getpath /net/cell[2]/pg -tail} {getpath pg -head}
echo {countelementlist /net/cell[]} {countelementlist /##[TYPE=pulsegen]} {countelementlist /none/#}

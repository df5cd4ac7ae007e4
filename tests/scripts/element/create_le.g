// create, le (plain, -types, -recursive, index ranges), pwe, ce, ^
create neutral /net
create neutral /net/cell[0]
create neutral /net/cell[1]
create neutral /net/cell[2]
create pulsegen /net/cell[1]/pg
create neutral /net/other
create table /net/tab[5]
le /net
le /net -types
le / -recursive
ce /net/cell[1]
pwe
create diffamp amp
le
ce ..
pwe
ce /
echo {getpath {el ^} -tail}
setfield ^ gain 3
echo {getfield /net/cell[1]/amp gain}
create neutral /net/cell -autoindex
create neutral /net/cell[10]
create neutral /net/cell -autoindex
le /net

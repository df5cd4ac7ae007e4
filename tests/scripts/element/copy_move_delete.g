// copy (into an existing element, to a new name, -repeat), move, delete
create neutral /lib
create neutral /lib/proto
create pulsegen /lib/proto/pg
create diffamp /lib/proto/amp
addmsg /lib/proto/pg /lib/proto/amp PLUS output
setfield /lib/proto/pg level1 4
create neutral /net
copy /lib/proto /net/cell[0] -repeat 3
le /net
echo {getfield /net/cell[2]/pg level1}
echo {getmsg /net/cell[2]/amp -in -count} {getmsg /net/cell[2]/amp -in -source 0}
copy /lib/proto /net
le /net
move /net/proto /lib/renamed
le /lib
move /lib/renamed /net
le /net
delete /net/cell[0-1]
le /net
delete /net/##[TYPE=diffamp]
le /net -recursive
echo {getmsg /lib/proto/amp -in -count}

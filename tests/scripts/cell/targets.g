// test-status: 0
// Where the cell goes: readcell builds into an existing empty neutral,
// replaces an existing cell (with a warning, as GENESIS does), accepts
// -hsolve (the root is an hsolve whose path names the cell's
// compartments, as GENESIS makes it), leaves the working element alone, and with -split N or
// -lambdasplit L cuts every cylinder into equal pieces named 2NAME, 3NAME,
// ... after the first (channels go on the first piece, as in GENESIS).
create neutral /library
create compartment /library/compartment
create tabchannel /library/Na
create neutral /net
create neutral /net/cell
setfield /net/cell x 1
addfield /net/cell tag
setfield /net/cell tag kept
ce /library
readcell cable.p /net/cell
pwe
echo /net/cell: x {getfield /net/cell x} tag {getfield /net/cell tag}
le /net/cell
readcell cable.p /net/cell
le /net/cell
echo tag exists: {exists /net/cell tag}
readcell cable.p /h -hsolve
echo /h is an hsolve: {isa hsolve /h} path {getfield /h path}
readcell cable.p /split -split 3
le /split
echo {getfield /split/cable len} {getfield /split/2cable len} {getfield /split/3cable len}
showmsg /split/tip
echo Na on: {el /split/#/Na}
readcell cable.p /lsplit -lambdasplit 0.1
le /lsplit
echo {getfield /lsplit/cable len}

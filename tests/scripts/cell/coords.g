// readcell's coordinate modes: *absolute and *relative points, *cartesian
// and *polar coordinates, "." for the previous compartment, *origin and
// *double_endpoint. Each compartment's length and end point.
create neutral /library
create compartment /library/compartment
readcell coords.p /cell
str c
foreach c (a b c d e f g h i)
    echo {c}: len {getfield /cell/{c} len} at {getfield /cell/{c} x} \
        {getfield /cell/{c} y} {getfield /cell/{c} z}
end
// b's parent is a, its child c and e is its grandchild through d
showmsg /cell/d

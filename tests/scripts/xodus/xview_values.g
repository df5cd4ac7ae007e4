// xview: points from COORDS or ICOORDS messages or from `path`, values
// from VALk/IVALk messages or fields, read back as xpts/ypts/zpts,
// ncoords and values[k][i]
setclock 0 1
create neutral /net
int i
for (i = 0; i < 4; i = i + 1)
    create pulsegen /net/cell[{i}]
    setfield /net/cell[{i}] x {i*0.001} y {i*0.002} z 0 baselevel {i} level1 {10 + i} \
        delay1 1 width1 1 trig_mode 0 delay2 100
end
create xform /netview [670,50,300,300]
create xdraw /netview/draw [0%,0%,100%, 100%]
setfield /netview/draw xmin -0.001 xmax 0.004 ymin -0.001 ymax 0.008
create xview /netview/draw/view
le /netview/draw/view
// message mode: the i-th COORDS and VAL1 messages belong to point i
addmsg /net/cell[] /netview/draw/view COORDS x y z
addmsg /net/cell[] /netview/draw/view VAL1 output
addmsg /net/cell[] /netview/draw/view VAL2 baselevel
function show_view(v)
    str v
    int i
    echo {v}: ncoords {getfield {v} ncoords}
    for (i = 0; i < {getfield {v} ncoords}; i = i + 1)
        echo "   "{i}: {getfield {v} xpts->table[{i}]} {getfield {v} ypts->table[{i}]} \
            {getfield {v} zpts->table[{i}]} values {getfield {v} values[0][{i}]} \
            {getfield {v} values[1][{i}]}
    end
end
reset
show_view /netview/draw/view
step 2
show_view /netview/draw/view
// indexed messages (PGENESIS): point index, then its coordinates or value
create xview /netview/draw/iview
addmsg /net/cell[3] /netview/draw/iview ICOORDS 0 x y z
addmsg /net/cell[1] /netview/draw/iview ICOORDS 2 x y z
addmsg /net/cell[3] /netview/draw/iview IVAL1 0 output
addmsg /net/cell[1] /netview/draw/iview IVAL1 2 output
reset
step 2
show_view /netview/draw/iview
// path mode: the elements' positions, and the field shown
create xview /netview/draw/pview
setfield ^ path /net/cell[] field output field2 level1 value_min -0.08 value_max 0.03 \
    viewmode colorview
reset
show_view /netview/draw/pview
step 2
show_view /netview/draw/pview
// relpath: the fields of a child of each element
for (i = 0; i < 4; i = i + 1)
    create neutral /net/cell[{i}]/soma
    addfield /net/cell[{i}]/soma Vm
    setfield /net/cell[{i}]/soma Vm {-0.07 + i*0.01}
end
setfield /netview/draw/pview relpath soma field Vm field2 ""
reset
show_view /netview/draw/pview
// msgin mode: a slot of the first matching incoming message of each element
// (msgpath: only messages from these elements)
create neutral /stim1
create neutral /stim2
for (i = 0; i < 4; i = i + 1)
    addmsg /stim1 /net/cell[{i}] INPUT {i*2}
    addmsg /stim2 /net/cell[{i}] INPUT {100 + i}
end
setfield /netview/draw/pview relpath "" field msgin msgtype INPUT msgslotno 0
reset
show_view /netview/draw/pview
setfield /netview/draw/pview msgpath /stim2
reset
show_view /netview/draw/pview
// the values can be set, as in GENESIS
setfield /netview/draw/pview values[0][1] 7.5
echo {getfield /netview/draw/pview values[0][1]}

// regions_graded.g: a graded pattern across nodes: region a (node 0)
// sends its two cells' Vm to region b (the last node), whose diffamps
// (gain 2) receive them through PLUS, crossed (a's cell 0 to b's amp 1).
// a.txt holds a's Vm, b.txt the amps' outputs, a row per step: a value
// acts one step late on any node, so b's row k is twice a's row k - 1
// (and twice initVm at row 0).
include regions_cell
paron -parallel
int N = {nnodes}
int me = {mynode}
setclock 0 1e-4
if (me == 0)
    createmap /proto/cell /a 2 1
    setfield /a/cell[0]/soma inject 1e-9
    setfield /a/cell[1]/soma inject 0.3e-9
    create asc_file /outa
    setfield /outa filename a.txt leave_open 1 float_format %.9g
    addmsg /a/cell[0]/soma /outa SAVE Vm
    addmsg /a/cell[1]/soma /outa SAVE Vm
end
if (me == N - 1)
    create neutral /b
    create diffamp /b/amp[0]
    create diffamp /b/amp[1]
    setfield /b/amp[] gain 2 saturation 10
    create asc_file /outb
    setfield /outb filename b.txt leave_open 1 float_format %.9g
    addmsg /b/amp[1] /outb SAVE output
    addmsg /b/amp[0] /outb SAVE output
end
region a /a -node 0
region b /b -node {N - 1}
echo {regionport a /a/cell[0:2]/soma -output -graded Vm}
echo {regionport b /b/amp[0:2] -input -graded PLUS}
echo {regionconnect g /a/cell[0:2]/soma /b/amp[1,0]}
showpattern g
reset
step 200

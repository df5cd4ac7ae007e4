// a tutorial-style GUI (control panel, graph with a scale pop-up, network
// view) built and driven headless: what RSnet's graphics.g does, on a small
// stand-in network of pulse generators
float tmax = 0.004
float dt = 0.001
setclock 0 {dt}
create neutral /network
int i
for (i = 0; i < 4; i = i + 1)
    create pulsegen /network/cell[{i}]
    setfield ^ x {(i % 2)*0.001} y {(i / 2)*0.001} baselevel {-0.07 + 0.01*i} \
        level1 0.03 delay1 {0.001*i} width1 0.001 trig_mode 0 delay2 1
end

function step_tmax
    step {tmax} -time
    echo stepped to {getstat -time}
end
function change_stepsize(dialog)
    str dialog
    dt = {getfield {dialog} value}
    setclock 0 {dt}
    echo "Changing step size to "{dt}
end
function overlaytoggle(widget)
    str widget
    setfield /##[TYPE=xgraph] overlay {getfield {widget} state}
end
// the scale pop-up of a graph: a button beside it and a hidden form of dialogs
function scale_apply(graph)
    str graph
    str form = graph @ "_scaleform"
    setfield {graph} xmin {getfield {form}/xmin value} xmax {getfield {form}/xmax value} \
        ymin {getfield {form}/ymin value} ymax {getfield {form}/ymax value}
    xhide {form}
end
function scale_button(graph)
    str graph
    str form = graph @ "_scaleform"
    create xbutton {graph}_scalebutton [{getfield {graph} xgeom},{getfield {graph} ygeom},50,25] \
        -title scale -script "xshow "{form}
    create xform {form} [{getfield {graph} x},{getfield {graph} y},180,170] -nolabel
    disable {form}
    pushe {form}
    create xbutton DONE [10,5,55,25] -script "scale_apply "{graph}
    create xbutton CANCEL [70,5,55,25] -script "xhide "{form}
    create xdialog xmin [10,35,160,25] -value {getfield {graph} xmin}
    create xdialog xmax [10,65,160,25] -value {getfield {graph} xmax}
    create xdialog ymin [10,95,160,25] -value {getfield {graph} ymin}
    create xdialog ymax [10,125,160,25] -value {getfield {graph} ymax}
    pope
end
function colorize
    setfield /##[ISA=xlabel] fg white bg blue3
    setfield /##[ISA=xbutton] offbg rosybrown1 onbg rosybrown1
    setfield /##[ISA=xtoggle] onfg red offbg cadetblue1 onbg cadetblue1
    setfield /##[ISA=xdialog] bg palegoldenrod
    setfield /##[ISA=xgraph] bg ivory
end

create xform /control [10,50,250,460]
pushe /control
create xlabel label -hgeom 25 -bg cyan -label "CONTROL PANEL"
create xbutton RESET -wgeom 25% -script reset
create xbutton RUN -xgeom 0:RESET -ygeom 0:label -wgeom 25% -script step_tmax
create xbutton QUIT -xgeom 0:RUN -ygeom 0:label -wgeom 25% -script "echo quit pressed"
create xdialog stepsize -title "dt (sec)" -value {dt} -script "change_stepsize <widget>"
create xtoggle overlay -script "overlaytoggle <widget>"
setfield overlay offlabel "Overlay OFF" onlabel "Overlay ON" state 0
pope
xshow /control

create xform /data [265,50,400,460]
create xlabel /data/label -hgeom 5% -label "Four pulse generators"
create xgraph /data/voltage -hgeom 80% -title "Membrane Potential" -bg white
setfield ^ XUnits sec YUnits V xmax {tmax} ymin -0.1 ymax 0.15
scale_button /data/voltage
addmsg /network/cell[0] /data/voltage PLOTSCALE output *"cell 0" *black 1 0
addmsg /network/cell[3] /data/voltage PLOTSCALE output *"cell 3" *red 1 0.05
xshow /data

create xform /netview [670,50,300,300]
create xdraw /netview/draw [0%,0%,100%, 100%]
setfield /netview/draw xmin -0.001 xmax 0.002 ymin -0.001 ymax 0.002
create xview /netview/draw/view
setfield /netview/draw/view path /network/cell[] field output value_min -0.08 value_max 0.03 \
    viewmode colorview sizescale 0.001
xshow /netview
colorize
check
reset

// what a user's clicks do
call /control/RUN B1DOWN
echo plots: {getfield /data/voltage/cell_0 npts} {getfield /data/voltage/cell_3 npts}
echo last points: {getfield /data/voltage/cell_0 ypts->table[3]} {getfield /data/voltage/cell_3 ypts->table[3]}
echo view: {getfield /netview/draw/view values[0][0]} {getfield /netview/draw/view values[0][3]}
call /control/stepsize B1DOWN 0.0005
call /control/overlay B1DOWN
call /control/RESET B1DOWN
echo after reset: {getfield /data/voltage/cell_0 npts}, kept {getfield /data/voltage/xoverlay/cell_0_0 npts}
call /control/RUN B1DOWN
echo plots: {getfield /data/voltage/cell_0 npts}
// the scale pop-up: show it, type new limits, press DONE
call /data/voltage_scalebutton B1DOWN
echo pop-up shown: {getfield /data/voltage_scaleform visible}
call /data/voltage_scaleform/xmax B1DOWN 0.01
call /data/voltage_scaleform/ymin B1DOWN -0.2
call /data/voltage_scaleform/DONE B1DOWN
echo limits: {getfield /data/voltage xmin} {getfield /data/voltage xmax} {getfield /data/voltage ymin} \
    {getfield /data/voltage ymax}, pop-up shown: {getfield /data/voltage_scaleform visible}
echo colours: {getfield /control/label bg} {getfield /control/RUN offbg} {getfield /control/overlay onfg} \
    {getfield /control/stepsize bg} {getfield /data/voltage bg}
call /control/QUIT B1DOWN

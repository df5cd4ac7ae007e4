// widgets made with their create options, read back with getfield
create xform /control [10,50,250,460] -title "Control panel"
echo form: {getfield /control xgeom} {getfield /control ygeom} {getfield /control wgeom} \
    {getfield /control hgeom} "title=" {getfield /control title} visible={getfield /control visible}
create xform /plain
echo plain form: {getfield /plain xgeom} {getfield /plain ygeom} {getfield /plain wgeom} \
    {getfield /plain hgeom} "title=" {getfield /plain title} nested={getfield /plain nested}
ce /control
create xlabel heading -hgeom 25 -bg cyan -fg blue -label "CONTROL PANEL"
echo label: {getfield heading label} {getfield heading hgeom} {getfield heading bg} \
    {getfield heading fg} {getfield heading xgeom} {getfield heading ygeom} {getfield heading wgeom}
create xlabel unnamed
echo default label: {getfield unnamed label} visible={getfield unnamed visible}
create xbutton RESET -wgeom 25% -script reset
create xbutton RUN -xgeom 0:RESET -ygeom 0:heading -wgeom 25% -script "step_run 10"
create xbutton QUIT -xgeom 0:RUN.right -ygeom 0:heading.bottom -wgeom 25% -title Quit \
    -offbg rosybrown1 -onbg rosybrown1
echo RUN: {getfield RUN xgeom} {getfield RUN ygeom} {getfield RUN wgeom} "script=" {getfield RUN script}
echo QUIT: {getfield QUIT onlabel} / {getfield QUIT offlabel} {getfield QUIT onbg} {getfield QUIT offbg}
echo RESET labels: {getfield RESET onlabel} {getfield RESET offlabel}
create xdialog stepsize -title "dt (sec)" -value 5e-05 -script "change_stepsize <widget>"
echo dialog: {getfield stepsize label} {getfield stepsize value} {getfield stepsize fvalue}
create xdialog gmax -label "synchan gmax (S)" -value 1e-9 -wgeom 50%
echo dialog: {getfield gmax label} {getfield gmax value} {getfield gmax wgeom}
create xtoggle overlay -script "overlaytoggle <widget>"
setfield overlay offlabel "Overlay OFF" onlabel "Overlay ON" state 0
create xtoggle inj -label "" -label0 "Injection OFF" -label1 "Injection ON" -onfg red
echo toggles: {getfield overlay offlabel} / {getfield overlay onlabel} / {getfield overlay state}
echo toggles: {getfield inj offlabel} / {getfield inj onlabel} / {getfield inj onfg}
create xtext notes [0,0:inj,100%,60] -initialtext "Notes go here" -editable 1
echo text: {getfield notes text} {getfield notes editable} {getfield notes hgeom}
// geometry split at blanks, with parts left empty
create xbutton spaced [5, 10, , 30 ]
echo spaced: {getfield spaced xgeom} {getfield spaced ygeom} {getfield spaced wgeom} {getfield spaced hgeom}
ce /
// forms: nested, and flags without values
create xform /control/sub [0,0,100%,40%] -nested
create xform /hidden -nolabel
echo nested: {getfield /control/sub nested} {getfield /control/sub visible} {getfield /hidden nested}
// draws and pixes
create xform /view [670,50,300,300]
create xdraw /view/draw [0%,0%,100%, 100%]
setfield /view/draw xmin -0.001 xmax 0.005 ymin -0.001 ymax 0.005
create xview /view/draw/view
setfield ^ path /nothing value_min -0.08 value_max 0.03 viewmode colorview sizescale 0.001
echo view: {getfield /view/draw/view viewmode} {getfield /view/draw/view value_min} \
    {getfield /view/draw/view value_max} {getfield /view/draw/view sizescale} {getfield /view/draw xmin}
create xshape /view/draw/icon -tx 0.5 -ty 1.1 -text hello -fg red
echo shape: {getfield /view/draw/icon tx} {getfield /view/draw/icon ty} {getfield /view/draw/icon text} \
    {getfield /view/draw/icon fg}
create xcoredraw /view/core [0,0,50,50]
echo core: {getfield /view/core xmin} {getfield /view/core xmax} {getfield /view/core wgeom}
create xform /data [265,50,400,460]
create xgraph /data/voltage -hgeom 80% -title "Membrane Potential" -bg white -xunits sec -yunits V
echo graph: {getfield /data/voltage hgeom} {getfield /data/voltage title} {getfield /data/voltage XUnits} {getfield /data/voltage YUnits} \
    {getfield /data/voltage xmin} {getfield /data/voltage xmax} {getfield /data/voltage ymin} {getfield /data/voltage ymax}
echo axes: {getfield /data/voltage/x_axis units} {getfield /data/voltage/y_axis units} \
    {getfield /data/voltage/y_axis rotatelabels} {getfield /data/voltage/title text}
create xaxis /data/voltage/extra_axis -axmin 1 -axmax 2 -units mV
echo axis: {getfield /data/voltage/extra_axis axmin} {getfield /data/voltage/extra_axis axmax} {getfield /data/voltage/extra_axis units}
le /
le /control
le /data/voltage
le /view/draw/view
showfield /control/RUN *

// rsgui.g - the windows of the rsnet tutorial (included by rsnet.g when
// there is a display: not -batch, not -nox, DISPLAY set).
//
// A control panel (RUN resets and runs tmax seconds, STOP ends a run
// early, RESET, QUIT), a graph of Vm in the middle, corner and right-edge
// cells, and a view of the sheet with every cell coloured by its Vm.

function rsgui_control
    create xform /control [10,40,240,160] -title "rsnet control"
    pushe /control
    create xlabel title -label "rsnet: "{NX}" x "{NY}" cells" -fg white -bg blue3
    create xbutton RUN -wgeom 34% -script run_rsnet
    create xbutton STOP -xgeom 0:RUN -ygeom 0:title -wgeom 33% -script stop
    create xbutton QUIT -xgeom 0:STOP -ygeom 0:title -wgeom 33% -script quit
    create xbutton RESET -script reset
    create xdialog tmax -label "run for (s)" -value {tmax} -script "set_tmax <v>"
    create xdialog pulse -label "pulse (A)" -value {pulse_amp} \
        -script "setfield /stim/amp gain <v>"
    setfield /control/##[ISA=xbutton] offbg rosybrown1 onbg rosybrown1
    setfield /control/##[ISA=xdialog] bg palegoldenrod
    pope
    xshow /control
end

function set_tmax(t)
    float t
    tmax = t
end

function rsgui_graph
    create xform /vm [260,40,420,320] -title "rsnet Vm"
    create xgraph /vm/graph [0,0,100%,100%] -title "Membrane potential" -bg ivory
    setfield /vm/graph xmin 0 xmax {tmax} ymin -0.1 ymax 0.05 XUnits s YUnits V
    addmsg /network/rscell[{middle}]/soma /vm/graph PLOT Vm *"middle "{middle} *red
    addmsg /network/rscell[0]/soma /vm/graph PLOT Vm *"corner 0" *blue
    addmsg /network/rscell[{right_edge}]/soma /vm/graph PLOT Vm \
        *"right edge "{right_edge} *darkgreen
    xshow /vm
end

function rsgui_view
    create xform /sheet [690,40,300,320] -title "rsnet sheet"
    create xlabel /sheet/label -label "Vm of every cell" -fg white -bg blue3
    create xdraw /sheet/draw [0,0:label,100%,90%]
    setfield /sheet/draw xmin {-sep} xmax {NX*sep} ymin {-sep} ymax {NY*sep}
    create xview /sheet/draw/view
    setfield /sheet/draw/view path /network/rscell[]/soma field Vm \
        value_min -0.08 value_max 0.03 viewmode colorview sizescale {sep}
    xshow /sheet
end

rsgui_control
rsgui_graph
rsgui_view
reset
echo "rsnet: windows open; RUN runs "{tmax}" s"

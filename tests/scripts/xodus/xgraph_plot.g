// PLOT and PLOTSCALE messages to an xgraph make xplots that fill during step
setclock 0 0.001
create pulsegen /pg
setfield /pg level1 2 width1 0.003 delay1 0.002 baselevel 0.5 trig_mode 0 delay2 100
create xform /data [265,50,400,460]
create xgraph /data/voltage -hgeom 80% -title "Membrane Potential"
setfield ^ XUnits sec YUnits V xmax 0.01 ymin -1 ymax 20
addmsg /pg /data/voltage PLOT output *pulse *black
// the name may hold blanks: the plot's element name has '_' there
addmsg /pg /data/voltage PLOTSCALE output *"scaled pulse" *red 10 -1
// a second plot of the same name gets the next index
addmsg /pg /data/voltage PLOT level1 *pulse *blue
le /data/voltage
showmsg /data/voltage
echo plot: {getfield /data/voltage/scaled_pulse label} {getfield /data/voltage/scaled_pulse fg} \
    {getfield /data/voltage/scaled_pulse xmax} {getfield /data/voltage/scaled_pulse ymax} \
    {getfield /data/voltage/pulse[1] fg}

function show_plot(plot)
    str plot
    int i
    echo {plot}: npts {getfield {plot} npts}
    for (i = 0; i < {getfield {plot} npts}; i = i + 1)
        echo "   "{getfield {plot} xpts->table[{i}]} {getfield {plot} ypts->table[{i}]}
    end
end

reset
echo after reset: {getfield /data/voltage/pulse npts}
step 7
show_plot /data/voltage/pulse
show_plot /data/voltage/scaled_pulse
show_plot /data/voltage/pulse[1]
// reset empties the plots (overlay is off)
reset
echo after reset: {getfield /data/voltage/pulse npts} {exists /data/voltage/xoverlay}
step 2
// with overlay on, reset keeps the drawn plots under xoverlay first
setfield /data/voltage overlay 1
reset
le /data/voltage/xoverlay
show_plot /data/voltage/xoverlay/pulse_0
echo kept: {getfield /data/voltage/xoverlay/scaled_pulse_0 npts} {getfield /data/voltage/xoverlay/pulse_0[1] npts}
step 3
reset
le /data/voltage/xoverlay
// overlay off again: the overlays go at the next reset
setfield /data/voltage overlay 0
reset
echo overlays: {exists /data/voltage/xoverlay}
// the graph's clock sets the plotting interval
setclock 1 0.002
useclock /data/voltage 1
reset
step 6
show_plot /data/voltage/pulse
// deleting the message stops the plot; its points stay
deletemsg /data/voltage 2 -incoming
step 2
echo after deletemsg: {getfield /data/voltage/pulse[1] npts} {getfield /data/voltage/pulse npts}

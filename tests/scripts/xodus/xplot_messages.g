// xy plots (X messages), WAVEPLOT, plots filled by hand, and an xplot
// with PLOT messages of its own
setclock 0 1
create table /a
call /a TABCREATE 4 0 4
setfield /a step_mode 1 stepsize 1 table->table[0] 0 table->table[1] 1 \
    table->table[2] 4 table->table[3] 9 table->table[4] 16
create table /b
call /b TABCREATE 4 0 4
setfield /b step_mode 1 stepsize 1 table->table[0] 10 table->table[1] 20 \
    table->table[2] 30 table->table[3] 40 table->table[4] 50
create xform /f
create xgraph /f/phase
addmsg /a /f/phase PLOT output *curve *red
addmsg /b /f/phase X output *curve
create xgraph /f/wave
addmsg /a /f/wave WAVEPLOT output *w *blue
addmsg /b /f/wave WAVEPLOT output *w *blue
le /f/wave
function show_plot(plot)
    str plot
    int i
    echo {plot}: npts {getfield {plot} npts}
    for (i = 0; i < {getfield {plot} npts}; i = i + 1)
        echo "   "{getfield {plot} xpts->table[{i}]} {getfield {plot} ypts->table[{i}]}
    end
end
reset
step 4
show_plot /f/phase/curve
show_plot /f/wave/w
// an xplot made by hand: points set directly, ADDPTS, npts
create xplot /f/phase/byhand -fg green
setfield /f/phase/byhand xpts->table[0] 1 ypts->table[0] 2 xpts->table[1] 3 ypts->table[1] 4 npts 2
call /f/phase/byhand ADDPTS 5 6
show_plot /f/phase/byhand
// a larger npts grows the tables (zeros)
setfield /f/phase/byhand npts 500
echo {getfield /f/phase/byhand npts} {getfield /f/phase/byhand ypts->table[499]} \
    {getfield /f/phase/byhand ypts->table[2]}
// an xplot with its own PLOT message, and do_slope (y: the change per second)
create pulsegen /pg
setfield /pg level1 2 width1 2 delay1 2 baselevel 0.5 trig_mode 0 delay2 100
create xplot /f/phase/own
addmsg /pg /f/phase/own PLOT output *own *magenta
create xplot /f/phase/slope -do_slope 1
addmsg /pg /f/phase/slope PLOTSCALE output *slope *black 2 0
reset
echo own: {getfield /f/phase/own fg} npts {getfield /f/phase/own npts}, by hand kept: \
    {getfield /f/phase/byhand npts}
step 5
show_plot /f/phase/own
show_plot /f/phase/slope

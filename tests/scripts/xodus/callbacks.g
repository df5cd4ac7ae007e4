// widget scripts run through `call PATH EVENT`: <widget>, <value>, suffixes,
// several scripts in one, XOCOMMAND arguments, and script functions
function show(a, b, c)
    echo show: {argc} args: {a} / {b} / {c}
end
function change_stepsize(dialog)
    str dialog
    float dt = {getfield {dialog} value}
    echo "Changing step size to "{dt}
end
function overlaytoggle(widget)
    str widget
    setfield /##[TYPE=xgraph] overlay {getfield {widget} state}
end
create xform /f
create xgraph /f/g
create xbutton /f/b -script "show <widget> <v> plain"
call /f/b B1DOWN
call /f/b B2DOWN
// ANYBDOWN changes state only; it runs no script (as GENESIS)
call /f/b ANYBDOWN
// suffixes pick the event: .d1 button 1 down, .d3 button 3, .d any press
setfield /f/b script "show.d1 one; show.d3 three; show.d any; show.u never"
call /f/b B1DOWN
call /f/b B3DOWN
// XOCOMMAND appends the call's words; only .c scripts run
setfield /f/b script "show.c <w> extra ; show no"
call /f/b XOCOMMAND first second
// a toggle turns on at a press and off at a release; <v> is its state
create xtoggle /f/overlay -script "overlaytoggle <widget>; show <v>"
echo overlay {getfield /f/g overlay} state {getfield /f/overlay state}
call /f/overlay B1DOWN
echo overlay {getfield /f/g overlay} state {getfield /f/overlay state}
call /f/overlay B1UP
echo overlay {getfield /f/g overlay} state {getfield /f/overlay state}
call /f/overlay ANYBDOWN
echo state after ANYBDOWN {getfield /f/overlay state}
// a dialog takes the typed value, then runs its script with it (Return is
// B1DOWN; a key press runs only .k scripts)
create xdialog /f/stepsize -value 5e-05 -script "change_stepsize <widget>"
call /f/stepsize B1DOWN 0.0001
echo value {getfield /f/stepsize value} fvalue {getfield /f/stepsize fvalue}
setfield /f/stepsize script "show <v>; show.k <v> <k>"
call /f/stepsize KEYPRESS 2e-05 Return
echo value {getfield /f/stepsize value} fvalue {getfield /f/stepsize fvalue}
// <x> <y> <z> for mouse events on draws and pixes
setfield /f/g script "show <x> <y> <z>"
call /f/g B1DOWN 0.25 -0.5 0
call /f/g B1DOUBLE
// commands, remote commands and field-setting scripts
create xbutton /f/set -script "setfield /f/g xmax 42; echo@0 on node 0; echo@all everywhere"
call /f/set B1DOWN
echo xmax {getfield /f/g xmax}
// an empty script does nothing; so do scripts of widgets without one
setfield /f/b script ""
call /f/b B1DOWN
create xlabel /f/l
call /f/l XUPDATE
create xbutton /f/bye -script "delete /f/bye; echo deleted itself"
call /f/bye B1DOWN
echo {exists /f/bye}

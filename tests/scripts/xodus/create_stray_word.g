// test-options: -nox
// test-status: 0
// A stray word on a widget's create line (the tutorial graphics.g's
// 'create xdialog weight -label "Weight" inject -value 1'): GENESIS skips
// it; gensh says so in a warning and applies the options around it.
create xform /f
create xdialog /f/weight -label "Weight" inject -value 1
echo {getfield /f/weight label} {getfield /f/weight value}
create xbutton /f/b [0,0,50,20] one two -label "T"
echo {getfield /f/b offlabel} {getfield /f/b wgeom}

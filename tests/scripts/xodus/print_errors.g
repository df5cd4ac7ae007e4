// test-options: -nox
// xps (setpostscript) checks its options as XODUS's did, and PRINT (Ctrl-P
// over a graph or draw) reports what stops a picture; the run goes on
create xform /f
create xgraph /f/g
create xlabel /f/l
xps
xps -maxgray 300
xps -mingray 200 -maxgray 100
xps -inverse 2
xps -dpi 0
xps -dpi many
xps -filename
xps -filename a.ps -printer
xps -colour 1
setpostscript -inverse 1 -dpi 300 -filename out.ps
xps
call /f/g PRINT a.ps b.ps
call /f/l PRINT x.ps
call /f/g PRINT nosuchdir/x.ps
call /f/g PRINT nosuchdir/x.png
xps -printer
xps
echo after the errors {getfield /f/g visible}

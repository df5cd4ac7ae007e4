// test-options: -nox
// the xodus commands check their arguments as GENESIS's did
create neutral /n
create xform /f
create xdraw /f/d
create xshape /f/d/s
xshow
xshow /nosuch
xshow /n
xhide /f/d/s
xshow /f /f
xupdate /n
xraise /nosuch
xlower /n
xmap
xcolorscale
xcolorscale purple
xflushevents now
xgetstat 1
echo {getfield /f visible}

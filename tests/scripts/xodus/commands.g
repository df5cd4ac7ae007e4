// xshow, xhide, xmap, xshowontop, xraise, xlower, xupdate, xflushevents,
// xcolorscale, xgetstat, xinit
create xform /control [10,50,250,460]
create xbutton /control/b
create xform /control/nested [0,0,100%,40%] -nested -noautomap
echo {getfield /control visible} {getfield /control/b visible} {getfield /control/nested visible}
xshow /control
xshow /control/nested
echo {getfield /control visible} {getfield /control/nested visible}
xhide /control/b
xhide /control
echo {getfield /control visible} {getfield /control/b visible}
xmap /control
echo {getfield /control visible}
xhide /control
xshowontop /control
echo {getfield /control visible}
xraise /control
xlower /control
create xgraph /control/g
xupdate /control/g
xflushevents
xcolorscale rainbow2
echo colour scale chosen
// headless, XODUS never draws
echo xgetstat {xgetstat}
if ({xgetstat})
    echo not reached
end
xinit

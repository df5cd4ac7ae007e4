// test-options: -nox
// bad input to disk_out and disk_in: one clear error each, and the
// elements still work afterwards
setclock 0 0.001
create pulsegen /p
create disk_out /out
setfield /out filename no/such/dir/x.fmt1
addmsg /p /out SAVE output
addmsg /p /out PLOT output *a *red
addmsg /p /out SAVE output width1
reset
step 1
echo is_open {getfield /out is_open}
// a SAVE added after the header was written: the frames would shift
setfield /out filename ok.fmt1 leave_open 1
reset
step 2
addmsg /p /out SAVE delay1
step 1
echo ndata {getfield /out ndata}
reset
step 1
echo ndata {getfield /out ndata}
delete /out

create disk_in /in
setfield /in filename missing.fmt1
reset
setfield /in filename disk_in_text.txt
reset
setfield /in nx -1
setfield /in fileformat 2
setfield /in filename ok.fmt1
reset
setfield /in nx 3
echo {getfield /in val[0][1]}
echo {getfield /in val[0][2]}

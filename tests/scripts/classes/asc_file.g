// asc_file: a row per tick: time (float_format) then each SAVE value, each followed by a
// blank; reset starts the file again unless append; notime; the default file name is the
// element's name; OUT_OPEN/OUT_WRITE add text lines
setclock 0 0.5
create diffamp /d
setfield /d plus 0.1 gain 1 saturation 10
create asc_file /out
addmsg /d /out SAVE output
addmsg /d /out SAVE gain
reset
step 3
sh cat out
echo --- float_format %.3f, notime
setfield /out float_format %.3f notime 1 filename b.txt
reset
step 2
sh cat b.txt
echo --- append after reset
setfield /out append 1 float_format %g notime 0 leave_open 1 flush 1
reset
step 2
sh cat b.txt
echo --- OUT_OPEN and OUT_WRITE
setfield /out filename c.txt append 0
call /out OUT_OPEN
call /out OUT_WRITE "Run #2" 7
step 1
sh cat c.txt
echo {getfield /out is_open}
setfield /out leave_open 0
echo {getfield /out is_open}

// asc_file's SAVE action closes the file, and the next tick opens it
// again and appends (GENESIS 2.4; nxgenesis's output for this script is
// this test's .out).
setclock 0 0.001
create pulsegen /p
setfield /p level1 1.5 width1 0.003 delay1 0.002 baselevel 0.25
create asc_file /a
setfield /a filename save.txt leave_open 1
addmsg /p /a SAVE output
reset
step 3
echo is_open {getfield /a is_open}
call /a SAVE
echo is_open {getfield /a is_open}
step 3
echo is_open {getfield /a is_open}
call /a FLUSH
call /a SAVE
sh cat save.txt
quit

// pulsegen: free run with two pulses, external gate, external trigger; times are
// multiples of 1/4 so float and double agree exactly. Columns: t drive free gate trig
setclock 0 0.25
create pulsegen /drive
setfield /drive level1 1 delay1 0.75 width1 1 delay2 10 width2 0.5
create pulsegen /free
setfield /free level1 1 width1 0.5 delay1 0.25 level2 2 width2 0.25 delay2 1 baselevel -1
create pulsegen /gate
setfield /gate level1 5 width1 0.25 delay1 0.25 trig_mode 2
create pulsegen /trig
setfield /trig level1 7 width1 0.5 delay1 0 trig_mode 1
addmsg /drive /gate INPUT output
addmsg /drive /trig INPUT output
create asc_file /f
setfield /f filename pulses.txt
addmsg /drive /f SAVE output
addmsg /free /f SAVE output
addmsg /gate /f SAVE output
addmsg /trig /f SAVE output
reset
step 16
sh cat pulses.txt

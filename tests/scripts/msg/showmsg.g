// showmsg lists incoming and outgoing messages with their current slot values
create pulsegen /p
create diffamp /d
create asc_file /f
setfield /p output 0.125
addmsg /p /d PLUS output
addmsg /p /d GAIN 3
addmsg /d /f SAVE output
addmsg /p /f SAVE *label
showmsg /d
showmsg /p

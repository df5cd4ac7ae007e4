// addmsg with field, number and *string slots, over wildcards; getmsg in every form
create pulsegen /p[0]
create pulsegen /p[1]
create diffamp /d
create asc_file /f
setfield /p[1] output 2.5
addmsg /p[] /d PLUS output
addmsg /p[0] /d MINUS 0.75
addmsg /d /p[0] LEVEL 1 output
addmsg /p[] /f SAVE output
echo {getmsg /d -in -count} {getmsg /d -out -count} {getmsg /p[0] -out -count}
echo {getmsg /d -in -type 0} {getmsg /d -in -type 2} {getmsg /d -in -source 1} {getmsg /d -in -destination 1}
echo {getmsg /p[0] -out -destination 2} {getmsg /d -out -type 0}
echo {getmsg /d -in -slot 1 0} {getmsg /d -in -slot 2 0}
echo {getmsg /d -in -find /p[1] PLUS} {getmsg /d -in -find /p[0] MINUS} {getmsg /d -in -find /p[1] MINUS}
echo {getmsg /f -incoming -count}

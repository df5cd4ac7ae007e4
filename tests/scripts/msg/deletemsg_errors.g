// test-options: -nox
create pulsegen /p
create diffamp /d
addmsg /p /d PLUS output
deletemsg /d 1
deletemsg /d -1
deletemsg /d 0 -outgoing
deletemsg /d
deletemsg /d -find /p MINUS
deletemsg /none 0
getmsg /d -in -type 3
getmsg /d -in -slot 0 1
getmsg /d
echo {getmsg /d -in -count}

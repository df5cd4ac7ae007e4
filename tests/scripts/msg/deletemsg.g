// deletemsg by number (incoming or outgoing) and by -find; messages go with deleted elements
create pulsegen /p
create diffamp /d
create diffamp /e
addmsg /p /d PLUS output
addmsg /p /d MINUS output
addmsg /p /e PLUS output
addmsg /d /e MINUS output
deletemsg /d 0
echo {getmsg /d -in -count} {getmsg /d -in -type 0} {getmsg /p -out -count}
deletemsg /p 1 -outgoing
echo {getmsg /e -in -count} {getmsg /e -in -source 0}
deletemsg /e -find /d MINUS
echo {getmsg /e -in -count}
addmsg /p /e PLUS output
delete /p
echo {getmsg /d -in -count} {getmsg /e -in -count}

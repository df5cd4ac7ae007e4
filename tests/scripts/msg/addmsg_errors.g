// test-options: -nox
// a refused message adds nothing, even over a wildcard
create pulsegen /p[0]
create pulsegen /p[1]
create diffamp /d
create neutral /n
addmsg /p[0] /d SAVE output
addmsg /p[0] /n INPUT output
addmsg /p[0] /d PLUS
addmsg /p[0] /d PLUS output 1
addmsg /p[0] /d PLUS Vm
addmsg /p[] /d PLUS output
addmsg /p[] /d,/n PLUS output
addmsg /none /d PLUS output
addmsg /p[0] /none PLUS output
addmsg /p[0]
echo {getmsg /d -in -count} {getmsg /p[0] -out -count}

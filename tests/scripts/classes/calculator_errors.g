// test-options: -nox
// bad input to calculator: a wrong message type, a wrong slot count, a
// clock that does not exist; the element still works afterwards
create neutral /s
setfield /s x 2
create calculator /c
addmsg /s /c PLUS x
addmsg /s /c SUM x y
setfield /c resetclock 100
setfield /c resetclock -1
addmsg /s /c SUM x
reset
step 1
echo {getfield /c output} {getfield /c resetclock}

// test-options: -nox
create neutral /c
position /c 1 x 2
position /none 1 1 1
position /c 1 1
echo {getfield /c x}
disable /none

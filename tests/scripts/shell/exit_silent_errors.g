// test-options: -nox
// silent and exit check their arguments; nothing changes on error
silent high
silent 11
silent 1 2
echo {silent}
exit now
echo still here

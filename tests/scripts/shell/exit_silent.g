// test-status: 3
// silent sets and returns the level that hides informative messages
// (pushe and pope echo the element below 1); exit is quit: the run ends
// with its status, and output files are closed.
echo {silent}
create neutral /a
pushe /a
pope
echo {silent 1} {silent}
pushe /a
pope
echo {silent -1}
silent 0
openfile left_open.txt w
writefile left_open.txt written before exit
exit 3
echo not reached

// test-status: 0
// {name * 347} with name no variable: GENESIS reads a command and its
// words (pgenesis orient2's 'randseed {mynode * 347}' seeds with mynode),
// so gensh does too, with a warning for the node commands, which ignore
// the words; a variable of that name makes it arithmetic again, and an
// unknown name is still an undeclared variable.
echo {mynode * 347} {nnodes - 1}
function three
    echo three got {argc}: {argv 1} {argv 2}
    return 3
end
echo {three * 2}
int mynode = 5
echo {mynode * 347}
create neutral /made
echo {getpath ^ -tail} {el ^}

// remote.g: cmd@nodes: values that come back ({cmd@node}), output that
// stays where the command runs, and errors: reported at the caller with
// both nodes named, or, inside a remote script function, where they happen.
function twice(x)
    int x
    return {x * 2}
end

function oops
    echo in oops on {mynode}
    nosuchcommand
    return 7
end

paron -parallel
barrier 1
int last = {nnodes} - 1
if ({mynode} == 0)
    echo value {mynode@{last}} {twice@{last} 21} {getarg@{last} a b c -count}
    echo string {strcat@{last} ab cd}
    echo float {sqrt@0 2}
    echo first {mytotalnode@all}
    echo@{last} printed on the last node
    nosuch@{last} 1 2
    echo after oops {oops@{last}}
    barrier@{last}
    setlookahead@all -1
end
echo@0 hello from {mynode}
barrier 2

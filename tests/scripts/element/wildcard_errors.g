// test-options: -nox
echo {el /##[FOO=x]}
echo {el /net/cell[2-1]}
echo {el /net/cell[}
echo {isa nosuch /}
echo {isa neutral /nothing}
echo {getpath /a/b}

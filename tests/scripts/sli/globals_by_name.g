// test-options: -nox
// addglobal, getglobal, setglobal: globals named by a string (GENESIS's
// Variables doc), declared inside a function too. The lines before the
// errors print what nxgenesis prints (getglobal of a float is C's %f).
str name = "EREST"
addglobal float {name}
setglobal {name} -0.07
echo {name} = {getglobal {name}}
function make(n, v)
    str n
    int v
    addglobal int {n} {v}
end
make count 3
echo count = {getglobal count}
setglobal count 4.9
echo count = {getglobal count} (an int keeps the whole part)
addglobal str label hello
echo label = {getglobal label}
addglobal float EREST
echo redeclared: EREST = {getglobal EREST}
getglobal nosuch
setglobal nosuch2 1
addglobal double x
setglobal count

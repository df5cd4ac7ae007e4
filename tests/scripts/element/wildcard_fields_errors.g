// Malformed conditions name the path and what was expected; without
// -empty_ok a path that matches nothing is an error.
// test-options: -nox
create neutral /r
setfield /r x 1
echo {el /#[x>a]}
echo {el /#[TYPE>neutral]}
echo {el /#[=3]}
echo {el /#[x>]}
setfield /#[x>10] y 1
setfield /r -empty_ok
echo {el /#[nosuchfield>0]}

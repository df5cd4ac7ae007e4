// test-options: -nox
// addaction's bad input; a missing function fails when the action runs
addaction /nosuch PROCESS f
addaction ONLYNAME
addaction NAME ten
addaction /a b c d
create neutral /n
addaction /n PROCESS nofunction
call /n PROCESS
call /n NOACTION
echo done

// test-options: -nox
// a script_out whose command fails reports the command's own error at
// the step that runs it; an empty command does nothing; argc counts the
// words, a quoted word as one
create script_out /so
setfield /so command "nosuchfunction 1 2"
reset
step 1
setfield /so command ""
step 1
echo {getfield /so argc}
setfield /so command "echo \"two words\" three"
echo {getfield /so argc}
step 1

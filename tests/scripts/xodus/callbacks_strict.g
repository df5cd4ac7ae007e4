// under -strict an error inside a widget's script stops the run there
create xform /f
create xbutton /f/b -script "echo first; nosuchfunction; echo not reached"
call /f/b B1DOWN
echo not reached either

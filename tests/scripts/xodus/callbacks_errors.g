// test-options: -nox
// errors in a widget's script name the widget, event and script part, at
// the line that ran it (or its function's); the script goes on, as on bad events
create xform /f
create xbutton /f/b -script "nosuchfunction 1 2; echo after the bad one"
call /f/b B1DOWN
setfield /f/b script "setfield /f/b nosuchfield 1; echo still here"
call /f/b B1DOWN
function clicked(w)
    echo clicked {w}
    setfield {w} onlabel
end
setfield /f/b script "clicked <widget>"
call /f/b B1DOWN
call /f/b B1UP
call /f/b NOSUCHEVENT
create xform /f2
call /f2 B1DOWN
call /f/b
// a script line holds at most 64 words
str long = "echo"
int i
for (i = 0; i < 70; i = i + 1)
    long = long @ " " @ {i}
end
create xbutton /f/long -script {long}
call /f/long B1DOWN
echo done

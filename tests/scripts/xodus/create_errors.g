// test-options: -nox
// bad widget options and geometries: an error each, nothing created (a stray word: a warning)
create xform /f [10,50,250,460]
create xbutton /f/b1 -nosuchoption 3
create xbutton /f/b2 -script
create xbutton /f/b3 -script -title
create xbutton /f/b4 stray
create xbutton /f/b5 [1,2,3]
create xbutton /f/b6 [1,2,3,4,5]
create xbutton /f/b7 [1,2,3,4
create xbutton /f/b8 [1,2,3,4] -wgeom fifty
create xbutton /f/b9 -xgeom 10:RESET.middle
create xbutton /f/b10 -ygeom 1.5
create xbutton /f/b11 -hgeom :label
create xform /g [10,0:f,100,100]
create xform /h -xgeom 5%:parent
create xtoggle /f/t -state 2
create xplot /f/p
create xbutton /b
create xview /f/v
create xgraph /f/gr -xmin low
echo {el /f/#} {exists /g} {exists /h} {exists /b}
// the same checks on setfield, which changes nothing on error
create xbutton /f/ok -script "echo ok"
setfield /f/ok wgeom 50% xgeom 0:up.sideways
setfield /f/ok wgeom 1x
echo {getfield /f/ok wgeom} {getfield /f/ok xgeom}
setfield /f xgeom 0:ok
setfield /f/ok visible 0
echo {getfield /f xgeom} {getfield /f/ok visible}
// create options are exact field names; ^ stays the last element made
create xlabel /f/l -labl "typo"
setfield ^ offlabel "the last one made"
echo {getfield /f/ok offlabel} {exists /f/l}

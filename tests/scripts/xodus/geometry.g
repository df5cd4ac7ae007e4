// test-options: -nox
// geometry values XODUS accepts (XODUS.txt 19.3), and ones it does not
str g
create xform /f
create xbutton /f/b
foreach g ("" 10 -10 +10 50% 0:RESET 0:RESET.right 5:last.bottom -50:label.top \
           80%:label.width 30%:label.height 0:parent.left 100%:parent.width 0:null " 20 " \
           10:last.LEFT 0:/f/label)
    setfield /f/b xgeom {g}
    echo accepted "'"{getfield /f/b xgeom}"'"
end
foreach g (x 10px 1.5 % :label 10: 10:label. 10:label.middle "10:a,b" "1 2" "0:[a]" --1)
    setfield /f/b wgeom {g}
end
echo wgeom still {getfield /f/b wgeom}
// forms: pixels or a percentage of the screen only
foreach g (20 20% 0:last 10:parent.left)
    setfield /f ygeom {g}
end
echo form ygeom {getfield /f ygeom}

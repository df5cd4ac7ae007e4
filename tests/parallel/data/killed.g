// killed.g: node 2 dies (SIGKILL) while the others wait for it.
paron -parallel
if ({mynode} == 2)
    sh "kill -9 $PPID"
end
barrier 5 60
echo survived {mynode}

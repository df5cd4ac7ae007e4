// crash.g: node 2 crashes (SIGSEGV) while the others wait for it.
paron -parallel
if ({mynode} == 2)
    sh "kill -SEGV $PPID"
end
barrier 5 60
echo survived {mynode}

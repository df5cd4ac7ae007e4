// note.g: a barrier that waits longer than its note interval says whom it
// waits for and where they are, and still completes.
paron -parallel
if ({mynode} == 0)
    barrier 4 20 0.3
else
    sh "sleep 0.8"
    barrier 4
end
echo@0 through {mynode}
barrier 5

// pario_bad.g: raddmsg SAVE from the last node that cannot be made: to an
// element that is not a par_asc_file, to a missing element, of a field
// the source does not have. Each fails on the calling node with its line.
paron -parallel
int N = {nnodes}
if ({mynode} == 0)
    create par_asc_file /out
    create neutral /plain
end
if ({mynode} == N - 1)
    create pulsegen /p
end
barrier
if ({mynode} == N - 1)
    raddmsg /p /plain@0 SAVE 0 output
    raddmsg /p /nothing@0 SAVE 0 output
    raddmsg /p /out@0 SAVE 0 nofield
end
barrier
if ({mynode} == 0)
    echo ncols {getfield /out ncols}
end

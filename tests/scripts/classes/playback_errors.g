// test-options: -nox
// bad input to putevent: no such element, not a buffer, an odd count,
// a word that is not a number; nothing is put in
create playback /pb
create neutral /n
putevent /nothing 1 2
putevent /n 1 2
putevent /pb 1 2 3
putevent /pb 1 x
putevent /pb 1 2 3 y
putevent /pb 2 5
reset
step 3
echo {getfield /pb state} {getfield /pb end}

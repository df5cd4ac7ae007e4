// test-options: -nox
// errors of setupalpha, setuptau, setupgate, tweakalpha, tweaktau and
// scaletabchan: argument counts, options, values, missing elements, wrong
// classes, gates without tables, TABCREATE and TABFILL through call; and a
// gate with a power but no tables at reset. Each changes nothing, as the
// showfield lines show.
setclock 0 1e-4
create compartment /c
setfield /c Rm 1e8 Cm 1e-10
create tabchannel /c/k
setfield /c/k Xpower 1
setupalpha /c/k X 1 2 3 4 5
setupalpha /c/k X 1 0 0 0 1 1 0 0 0 1 -bogus
setupalpha /c/k X 1 0 0 0 one 1 0 0 0 1
setupalpha /nope X 1 0 0 0 1 1 0 0 0 1
setupalpha /c X 1 0 0 0 1 1 0 0 0 1
setupalpha /c/k W 1 0 0 0 1 1 0 0 0 1
setupalpha /c/k X 1 0 0 0 1 1 0 0 0 1 -size 0
setuptau /c/k X 1 0 0 0 1 1 0 0 0
setuptau /c/k X 1 0 0 0 1 1 0 0 0 1 -range 0.1 -0.1
showfield /c/k X_alloced
tweakalpha /c/k X
tweaktau /c/k
tweaktau /c X
scaletabchan /c/k X tau 1 1 0 0
setupalpha /c/k X 100 0 0 0 1e12 100 0 0 0 1e12 -size 10 -range -0.1 0.1
scaletabchan /c/k X slope 1 1 0 0
scaletabchan /c/k X tau 0 1 0 0
scaletabchan /c/k X tau 1 1 0
showfield /c/k X_A->xdivs X_A->table[3] X_B->table[3]
create table /t
setupgate /t table 1 0 0 0 1 -noalloc
setupgate /t table 1 0 0 0 1 -size 5
setupgate /t table 1 0 0 0 1 -range 1 0
setupgate /c/k X_A 1 0 0 0 1
setupgate /c table 1 0 0 0 1
setupgate /t table 1 0 0 0
showfield /t alloced
call /c/k TABFILL Y 20 2
call /c/k TABFILL X 2 2
call /c/k TABCREATE X 10
showfield /c/k X_A->xdivs
// a gate with a power and no tables cannot be compiled
setfield /c/k Ypower 2
reset
step 1

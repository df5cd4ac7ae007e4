// test-options: -maxerrors 100
// TABDELETE, reclaim, getstat -memory and asc_file's SAVE, as the
// parameter-search demos use them.
create compartment /c
create tabchannel /c/na
setfield /c/na Xpower 1
call /c/na TABCREATE X 10 -0.1 0.05
setfield /c/na X_A->table[3] 7
copy /c/na /c/na2
echo alloced {getfield /c/na X_alloced} {getfield /c/na2 X_alloced}
call /c/na TABDELETE
// the copy keeps the tables it shares
echo alloced {getfield /c/na X_alloced} {getfield /c/na2 X_alloced} {getfield /c/na2 X_A->table[3]}
call /c/na TABDELETE extra
addmsg /c /c/na VOLTAGE Vm
reset
delete /c
echo reclaim returns {reclaim}
int before = {getstat -memory}
create neutral /many
int i
for (i = 0; i < 20000; i = i + 1)
    create neutral /many/n[{i}]
end
echo memory grew {{getstat -memory} > before}
// SAVE closes the file; the next step opens it again and appends
create compartment /d
create asc_file /d/out
setfield /d/out filename d.txt leave_open 1
addmsg /d /d/out SAVE Vm
reset
step 2
call /d/out SAVE
step 2
call /d/out SAVE
cat d.txt

// test-options: -nox
// copy and move refuse what would break the tree; nothing changes
create neutral /a
create neutral /a/b
copy /a /a/b
copy /nothing /x
copy /a /b -repeat 0
move /a /a/b/c
move / /x
copy /a/b /a
delete /
delete /nothing
le / -recursive

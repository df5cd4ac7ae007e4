// pushe, pope, stack; a popped element that was deleted is skipped
create neutral /a
create neutral /a/b
create neutral /c
pushe /a
pushe /a/b
pushe /c
stack
pwe
pope
pwe
delete /a
pope
pwe

// test-options: -nox
// every failing create names the problem and creates nothing
create nosuchclass /a
create neutral /missing/a
create neutral /a
create neutral /a
create neutral /a/b*c
create neutral /a/x[-1]
create neutral /a/y[2
create neutral
le / -recursive

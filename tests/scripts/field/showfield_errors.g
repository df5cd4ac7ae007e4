// test-options: -nox
create diffamp /d
showfield /d gain nosuch
showfield /none gain
showfield -bogus

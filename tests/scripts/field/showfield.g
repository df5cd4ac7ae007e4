// showfield: named fields, *, -basic, -all, -describe, wildcards, the working element
create diffamp /d
setfield /d gain 2 saturation 10
showfield /d gain saturation
showfield /d *
showfield /d -basic
create neutral /n
create diffamp /n/a[0]
create diffamp /n/a[1]
showfield /n/a[] gain
ce /d
showfield output
showfield -describe
ce /
addfield /d io_index
setfield /d io_index 3
showfield /d -all

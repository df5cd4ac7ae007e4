// addfield/deletefield: user fields hold strings, on one element or many
create neutral /n
create neutral /n/c[0]
create neutral /n/c[1]
addfield /n/c[] io_index
setfield /n/c[0] io_index 0
setfield /n/c[1] io_index 1
echo {getfield /n/c[0] io_index} {getfield /n/c[1] io_index}
ce /n
addfield label
setfield label "hello world"
echo {getfield label}
echo {getfieldnames}
deletefield label
echo {exists /n label} {exists /n/c[1] io_index}
ce /
copy /n/c[1] /n/c[2]
echo {getfield /n/c[2] io_index}

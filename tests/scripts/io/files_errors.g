// test-options: -nox
// bad input to the file commands: one clear error each, nothing changed
openfile no/such/dir/f w
openfile missing.txt r
openfile f.txt x
openfile f.txt
writefile nosuch hello
readfile nosuch
closefile nosuch
flushfile nosuch
eof nosuch
openfile f.txt w
writefile f.txt a b -format "%d"
writefile f.txt a b -format "%s %s"
writefile f.txt a -bogus
readfile f.txt
writefile f.txt kept
closefile f.txt
closefile f.txt
openfile f.txt r
writefile f.txt more
readfile f.txt -linemode extra
echo {readfile f.txt} {eof f.txt}
listfiles
fileexists
closefile f.txt

// openfile/writefile/readfile/closefile/flushfile/listfiles/eof with
// GENESIS's semantics (Doc/writefile.txt's own example among them): the
// file's bytes are checked with readfile -linemode and sh.
openfile test w
writefile test Vm = 10 "string   with space" {10+5}
writefile test  one -n
writefile test line
writefile test X Y -format "%5s"
writefile test 5.3 6.5 -format "(%3s)"
writefile test FIRST SECOND -n -format "%-10s"
writefile test  THIRD -format "%30s"
writefile test
writefile test 50 -format "%s%%"
listfiles
// nothing reaches the file before flushfile or closefile (./test is the
// same file under another name)
openfile ./test r
echo before flushfile: "["{readfile ./test -linemode}"]" eof {eof ./test}
echo flushfile: {flushfile test}
openfile ./test r
echo after flushfile: "["{readfile ./test -linemode}"]"
closefile ./test
echo closefile: {closefile test}
listfiles
sh cat test
// reading: words (a quoted part is one word), or the whole line
openfile test r
echo words: {readfile test}
echo second word of line 2: {getarg {readfile test} -arg 1}
echo line 3: "["{readfile test -linemode}"]"
str l
int n = 3
while (!{eof test})
    l = {readfile test -l}
    n = n + 1
    echo {n}: "["{l}"]"
end
echo eof: {eof test}, past the end: "["{readfile test}"]"
closefile test
// a appends; opening an open name again closes it first
openfile out.txt w
writefile out.txt first
openfile out.txt a
writefile out.txt second
closefile out.txt
openfile out.txt a
writefile out.txt third -nonewline
closefile out.txt
sh cat out.txt; echo
openfile out.txt r
echo {readfile out.txt} {readfile out.txt} {readfile out.txt}
closefile out.txt
echo {fileexists out.txt} {fileexists no/such/file} {fileexists .}

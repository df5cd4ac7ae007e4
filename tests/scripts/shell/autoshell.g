// test-options: -maxerrors 100
// A word that names no command runs, as in GENESIS, a script of that name
// along SIMPATH, else a program along PATH (autoshell), with its words.
autoshell_sub first second
echo autoshell is {autoshell}
openfile made.txt w
writefile made.txt "one line"
closefile made.txt
cp made.txt copy.txt
mv copy.txt moved.txt
echo {fileexists copy.txt} {fileexists moved.txt}
// the program's output comes after what gensh printed before it
echo before
printf "from printf %s\n" word
// a program that fails, and one that is killed, are errors naming them
false
bash -c "kill -TERM $$"
// autoshell 0: unknown words are unknown commands again
autoshell 0
echo autoshell is {autoshell}
touch never.txt
echo {fileexists never.txt}
autoshell 1
nosuchprogram_xyz 1 2
autoshell 2
echo end

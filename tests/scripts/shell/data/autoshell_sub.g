// run by autoshell.g as a command: a script named by a word
echo autoshell_sub: {argc} arguments, {argv 1} and {argv 2}

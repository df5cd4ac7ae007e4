echo("in the included file")
sqrt(-4)
echo("not reached")

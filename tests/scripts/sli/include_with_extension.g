include inc_defs.g
echo {inc_twice 4}

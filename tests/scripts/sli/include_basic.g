include inc_defs
echo {INC_N} {inc_twice {INC_N}}

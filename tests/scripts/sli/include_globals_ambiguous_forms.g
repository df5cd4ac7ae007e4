include inc_consts
echo {NC -1} {NC /5} {HALF *4} {NC - 1}
echo {strlen -12}

// test-options: -maxerrors 100
// RESTOREBEST of paramtableBF and paramtableGA reading back their own
// SAVEBEST files (GENESIS 2.4 reads an unset file name in these actions,
// so this is what its code means to do, not its output), and bad files:
// nothing changes when a file is not a SAVEBEST file of the right layout.
create paramtableBF /bf
call /bf TABCREATE 2
initparamBF /bf 0 0 2.0 1.0 "a (additive)"
initparamBF /bf 1 1 4.0 0.5 "b (multiplicative)"
call /bf INITSEARCH 0 3 1.0
call /bf UPDATE_PARAMS
call /bf EVALUATE 0.25
call /bf SAVEBEST bf_best.txt
create paramtableBF /bf2
call /bf2 RESTOREBEST bf_best.txt
echo bf {getfield /bf2 num_params} {getfield /bf2 iteration_number} {getfield /bf2 best_match}
echo bf {getfield /bf2 type[1]} {getfield /bf2 range[1]} {getfield /bf2 best[0]} {getfield /bf2 current[1]} {getfield /bf2 label[1]}
// a row cut short, a file of another layout, no file, two names
sh head -7 bf_best.txt > cut.txt
sh echo "0	9	1		2	x" >> cut.txt
call /bf2 RESTOREBEST cut.txt
echo bf kept {getfield /bf2 type[0]} {getfield /bf2 best[0]} {getfield /bf2 label[0]}
sh echo "not a savebest file" > bad.txt
call /bf2 RESTOREBEST bad.txt
call /bf2 RESTOREBEST no_such_file
call /bf2 RESTOREBEST a b

create paramtableGA /ga
call /ga TABCREATE 4 2
initparamGA /ga 0 0 3.0 1.0 a
initparamGA /ga 1 1 4.0 1.0 b
call /ga INITSEARCH
int t
for (t = 0; t < 4; t = t + 1)
    setfield /ga fitness[{t}] {t + 1}
end
call /ga SAVEBEST ga_best.txt
echo ga best {getparamGA /ga 3 0} {getparamGA /ga 3 1}
create paramtableGA /gb
call /gb TABCREATE 4 2
initparamGA /gb 0 0 3.0 1.0 a
initparamGA /gb 1 1 4.0 1.0 b
call /gb RESTOREBEST ga_best.txt
echo gb table 0 {getparamGA /gb 0 0} {getparamGA /gb 0 1} search {getfield /gb search[0]} {getfield /gb search[1]}
sh sed 's/YES/MAYBE/' ga_best.txt > maybe.txt
call /gb RESTOREBEST maybe.txt
create paramtableGA /g3
call /g3 TABCREATE 4 3
call /g3 RESTOREBEST ga_best.txt
call /bf2 RESTOREBEST ga_best.txt

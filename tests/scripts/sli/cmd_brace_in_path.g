int i = 2
echo /net/cell[{i + 1}]/soma cell[{i}].x

int n
int sum = 0
foreach n (1 2 3.9 {2+2})
    sum = sum + n
end
echo {sum}

for (i = 0; i < 3)
end
int 5x
echo@ x
echo@1,,2 y

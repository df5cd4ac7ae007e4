echo@ hi

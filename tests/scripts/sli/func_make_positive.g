function make_positive(num)  // a silly version of "abs"
    float num
    if (num >= 0)
        return {num}
    else
        return {abs {num}}
    end
end
echo {make_positive -2.5} {make_positive 4}

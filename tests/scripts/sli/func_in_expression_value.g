function half(x)
    float x
    return x / 2
end
float y = {half 5} * 4
echo {y}

function print_area(length, diameter)
    float length, diameter
    float area
    float PI=3.14159
    area = PI*diameter*length
    echo The area is {area}
end
print_area 2 0.5

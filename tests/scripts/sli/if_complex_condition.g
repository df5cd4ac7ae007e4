int GRAPHICS = 1
if( (GRAPHICS == 1) || (5+3 > 10) )
    echo hello
end
if (!{strlen ""})
    echo empty
end

function iftest(arg)
    int arg
    if ( arg  == 0 )
        echo zero
    elif ( arg < 0 )
        echo negative
    elif (arg < 10)
        echo small
    else
        echo positive
    end
end
iftest 0
iftest -3
iftest 5
iftest 50

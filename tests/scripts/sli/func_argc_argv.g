function echoargs
    int i
    echo "Number of arguments = "{argc}
    for(i=1;i<= {argc};i=i+1)
        echo {argv {i}}
    end
end
echoargs foo 5 1.23

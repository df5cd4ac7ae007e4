function my_echo(inputval)
    echo { inputval }
end
my_echo 33

function greet(who)
    return "hello " @ who
end
echo {greet world}!

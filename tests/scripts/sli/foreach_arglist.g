str s
str thingys = "foo bar baz"
foreach s ({arglist {thingys}})
    echo {s}
end

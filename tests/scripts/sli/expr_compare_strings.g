echo {"abc" < "abd"} {"b" > "abc"} {"x" == "x"} {"A" < "a"} {"ab" < "abc"} {"x" != "y"}

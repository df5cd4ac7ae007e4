echo {"abc"} {"a b"}x

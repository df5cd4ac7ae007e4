function f
    echo [{argv 0}] [{argv 1}] [{argv 2}] [{argv 9}]
end
f a

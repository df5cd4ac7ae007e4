echo a
5 + 3

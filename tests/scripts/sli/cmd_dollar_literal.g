echo a$b $ cost$

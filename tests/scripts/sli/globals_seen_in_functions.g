int count = 1
function bump
    count = count + 1
end
bump
bump
echo {count}

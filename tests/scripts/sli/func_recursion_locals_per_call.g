function down(n)
    int n
    str tag = "level" @ n
    if (n > 0)
        down {n - 1}
    end
    echo {tag}
end
down 2

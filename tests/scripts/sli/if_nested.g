int i = 2
if (i > 0)
    if (i > 1)
        if (i > 2)
            echo three
        else
            echo two
        end
    end
end

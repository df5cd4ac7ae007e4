function outer
    function inner
    end
end

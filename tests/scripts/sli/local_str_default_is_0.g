function f
    str s
    int i
    float x
    echo [{s}] [{i}] [{x}]
end
f

str s
foreach s ("a b" c {"d e"})
    echo [{s}]
end

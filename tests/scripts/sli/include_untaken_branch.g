if (0)
    include no_such_file_anywhere
end
echo fine

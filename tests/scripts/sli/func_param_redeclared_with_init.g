function place(class, xoffset, yoffset)
    int yoffset = 210*yoffset
    int xoffset = 575+190*xoffset
    echo /data{class} [{xoffset},{yoffset},175,175]
end
place A 1 2

echo {strlen@0 abcd} {strcat@all x y}

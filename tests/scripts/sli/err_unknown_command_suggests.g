echo before
strlenn abc

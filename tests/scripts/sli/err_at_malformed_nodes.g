echo@1,,2 hi

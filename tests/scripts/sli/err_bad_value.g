int x = 3 +

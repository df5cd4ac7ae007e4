if (1)
 while (1)

echo {strlen {strcat ab cde}}

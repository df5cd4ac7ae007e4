echo {strlen hello}

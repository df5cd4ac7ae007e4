*relative
soma none 10 0 0 10
/* a comment
that is never closed

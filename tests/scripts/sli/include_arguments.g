include inc_args alpha beta
include inc_args

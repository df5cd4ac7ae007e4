*set_global RM NO_SUCH_GLOBAL

*compt /library/nothing

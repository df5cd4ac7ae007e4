*compt /library/Na

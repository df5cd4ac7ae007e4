echo {argc} [{argv 1}] {argv 0}

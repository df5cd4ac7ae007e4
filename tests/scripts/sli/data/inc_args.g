echo include args: {argc} [$1] [{argv 2}]

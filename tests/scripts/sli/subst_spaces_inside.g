echo { 1 + 2 } { strlen abc }

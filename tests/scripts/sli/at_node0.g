echo@0 hello from node zero

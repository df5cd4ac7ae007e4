echo one \  // a note after the backslash
    two \	// another
    three

echo from include: {NX * NY} {NAME @ "!"}
NX = NX + 1

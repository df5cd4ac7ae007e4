// test-options: -strict -rng sprng
// gensh -rng sprng: the run starts with GENESIS's SPRNG generator selected
// (as setrand -sprng would), unseeded as GENESIS starts: the first numbers
// are GENESIS's (SPRNG seeded with 0 at its first use)
setrand
echo {rand 0 1}
echo {rand 0 1}
echo {rand 0 1}

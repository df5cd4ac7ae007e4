// rand, gaussian and randseed with GENESIS's generators (setrand -nr,
// -sprng): every number is the one GENESIS 2.4 prints for this script
// (the .out is nxgenesis's output): the unseeded start, float arithmetic,
// rangauss's saved deviate (kept for the same mean and sd only), randseed
// 0 and negative seeds (ran1 not re-initialised), switching generators
setrand -nr
echo {rand 0 1}
echo {rand 0 1}
echo {rand 0 100}
echo {rand -5 5}
echo {gaussian 0 1}
echo {gaussian 0 1}
echo {gaussian 0 1}
echo {gaussian 2 0.5}
echo {gaussian 0 1}
echo {gaussian 0 1}
echo {randseed 5}
echo {rand 0 1}
echo {rand 0.001 0.002}
echo {gaussian -70 3}
echo {randseed 0}
echo {rand 0 1}
echo {randseed -9}
echo {rand 0 1}
setrand -sprng
echo {rand 0 1}
echo {rand 10 20}
echo {gaussian 0 1}
echo {gaussian 0 1}
echo {gaussian 0 1}
echo {randseed 7}
echo {rand 0 1}
echo {gaussian 1 2}
setrand -nr
echo {rand 0 1}
echo {rand 0 1}
setrand

// GENESIS's math commands return a C float: the script sees their value
// rounded to single precision (math_float.out is what nxgenesis 2.4
// prints for this script). ACnet2 fills a channel table with {exp ...}.
echo {exp 1} {sqrt 2} {max 0.1 0.2} {min 0.1 0.2} {pow 2 0.5} {log 10} {sin 1} {abs -0.1}
float y = 5.0 * {exp {-50 * (-0.0724 + 0.06)}}
echo {y}
floatformat %0.17g
echo {exp 1} {y}

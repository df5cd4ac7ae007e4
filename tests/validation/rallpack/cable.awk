# cable.awk: Rallpack 1's exact solution (a sealed cable of one length
# constant, a current step into one end, from rest: the semi-infinite
# cable's response summed over reflections from the far end), compared
# with a simulated trace. Input: "t v" rows, v at time t + dt (the value
# after the step that starts at t). -v x=0 or x=1 (the end, in lengths),
# -v dt=step. Prints: rows, rms difference (V), normalized rms (%), range.
function erfc(x,    s, t, n, f, k) {
    if (x < 0)
        return 2 - erfc(-x)
    if (x < 3) {
        s = x; t = x
        for (n = 1; n < 200; n++) {
            t = t * (-x * x) / n
            s += t / (2 * n + 1)
            if (t < 1e-18 && t > -1e-18)
                break
        }
        return 1 - 2 / sqrt(PI) * s
    }
    f = x
    for (k = 80; k >= 1; k--)
        f = x + (k / 2) / f
    return exp(-x * x) / sqrt(PI) / f
}
# the semi-infinite cable, V - Em at X lengths and T time constants
function semi(X, T,    r) {
    r = sqrt(T)
    return VINF / 2 * (exp(-X) * erfc(X / (2 * r) - r) - exp(X) * erfc(X / (2 * r) + r))
}
function exact(X, T,    n, v) {
    if (T <= 0)
        return EM
    v = 0
    for (n = 0; n < 30; n++)
        v += semi(2 * n * L + X, T) + semi(2 * (n + 1) * L - X, T)
    return EM + v
}
BEGIN {
    PI = 3.14159265358979
    EM = -0.065; L = 1; TAU = 4 * 0.01
    VINF = 1e-10 * (4 * 1.0 / (PI * 1e-12)) * 1e-3   # I r_a lambda
    lo = 1e9; hi = -1e9
}
NF >= 2 {
    e = exact(x * L, ($1 + dt) / TAU)
    d = $2 - e; s += d * d; n++
    if (e < lo) lo = e
    if (e > hi) hi = e
}
END { printf "%d %.4g %.4g %.4g\n", n, sqrt(s / n), 100 * sqrt(s / n) / (hi - lo), hi - lo }

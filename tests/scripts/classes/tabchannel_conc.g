// a calcium-dependent gate: a channel's Ik feeds a Ca_concen pool (I_Ca)
// and the pool's Ca drives gate Z of a second channel (CONCEN). The Ca
// channel has a constant open gate, so Ik = Gbar (Ek - Vm) = 0.1 nA while
// Vm stays near 0 (a 1 uF membrane), and Ca - Ca_base settles at
// B Ik tau = 1e-3. Gate Z: alpha = 1000 Ca, beta = 100, so Z -> A/B.
setclock 0 1e-4
create compartment /c
setfield /c Rm 1e12 Cm 1e-6 Em 0 initVm 0
create tabchannel /c/ca
setfield /c/ca Ek 0.1 Gbar 1e-9 Xpower 1
call /c/ca TABCREATE X 10 -0.1 0.1
int i
for (i = 0; i <= 10; i = i + 1)
    setfield /c/ca X_A->table[{i}] 50 X_B->table[{i}] 50
end
addmsg /c /c/ca VOLTAGE Vm
addmsg /c/ca /c CHANNEL Gk Ek
create Ca_concen /c/pool
setfield /c/pool B 1e9 tau 0.01 Ca_base 0.5
addmsg /c/ca /c/pool I_Ca Ik
create tabchannel /c/kca
setfield /c/kca Ek -0.09 Gbar 1e-20 Zpower 1
call /c/kca TABCREATE Z 10 0 1
for (i = 0; i <= 10; i = i + 1)
    setfield /c/kca Z_A->table[{i}] {100 * i} Z_B->table[{i}] 100
end
tweakalpha /c/kca Z
addmsg /c /c/kca VOLTAGE Vm
addmsg /c/pool /c/kca CONCEN Ca
addmsg /c/kca /c CHANNEL Gk Ek
reset
echo reset: Ca {getfield /c/pool Ca}, Z = A/B at Ca_base (500/600): {{abs {{getfield /c/kca Z} - 500.0 / 600}} < 1e-9}
step 0.1 -time
float ik = {getfield /c/ca Ik}
echo Ik {ik}, Vm {getfield /c Vm}
echo Ca - Ca_base = B Ik tau to 1e-4: {{abs {{getfield /c/pool C} / (1e9 * ik * 0.01) - 1}} < 1e-4}
// Ca = 0.501 is a hundredth of the way from entry 5 to 6 (A 500 -> 600,
// B 600 -> 700): Z settles at the interpolated A/B, 501/601
float f = ({getfield /c/pool Ca} - 0.5) / 0.1
echo Z at the interpolated A/B: {{abs {{getfield /c/kca Z} - (500 + 100 * f) / (600 + 100 * f)}} < 1e-6}

create tabchannel /k
setfield /k Ek -0.08 Gbar 1e-6 Xpower 4
setupalpha /k X 10 -10 1 0.01 0.01 100 0 0 0 0.01
call /k TABCREATE X 10 -0.1 0.05
setfield /k X_A->table[3] 2
tweakalpha /k X
create table /t
call /t TABCREATE 10 0 1
setfield /t table->table[2] 3
showfield /t table->table[2]

echo@0 a
echo@all b
echo@others c
echo@0,2 d
echo@0-3.all e
str w = "0"
echo@{w} f
echo {strlen@0 abc}
async echo@0 g
raddmsg /a /b@{w} PLOT Vm *"c "{w} *black

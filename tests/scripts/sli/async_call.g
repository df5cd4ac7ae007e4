async echo@0 async hello
echo {async strlen@0 abc}

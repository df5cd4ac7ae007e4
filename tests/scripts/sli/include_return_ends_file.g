include inc_return
echo back

echo first
return
echo never

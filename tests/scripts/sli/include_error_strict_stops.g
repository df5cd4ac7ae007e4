include inc_error
echo done

echo@others nobody
echo@other nobody
echo done

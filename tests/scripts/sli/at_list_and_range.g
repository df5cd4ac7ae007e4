echo@0,0 once
echo@0-0 range

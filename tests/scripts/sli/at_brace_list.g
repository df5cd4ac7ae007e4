str workers = "0"
int control_node = 0
echo@{workers} w
echo@{control_node} c {workers}

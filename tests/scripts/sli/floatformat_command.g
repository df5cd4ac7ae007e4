floatformat %.3g
echo {1.0/3} {2}
floatformat %0.10g
echo {1.0/3}

// test-options: -nosimrc
floatformat %d
echo {0.5}

int shared = 41
lua shared = shared + 1
echo {shared}

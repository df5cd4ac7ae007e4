str s
echo "["{s}"]"

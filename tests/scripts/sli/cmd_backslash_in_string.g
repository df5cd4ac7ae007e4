echo "a\nb" "c\\d"

echo "abc"{1+1}"def" pre"mid"post

// test-options: -nosimrc
int i = "abc"
echo {i}
if ("yes")
  echo no
end

// a comment line
echo x // trailing comment
  // indented comment
echo y

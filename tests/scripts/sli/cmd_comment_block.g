/* a block
   comment */ echo x
echo a /* inside */ b

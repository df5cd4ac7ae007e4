int i = 1
echo x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}x{i}

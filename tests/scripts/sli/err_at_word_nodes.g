setfield@workers x y z

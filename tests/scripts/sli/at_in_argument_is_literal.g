echo /data/voltage@0 reset@all a@b

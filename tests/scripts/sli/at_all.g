echo@all to all

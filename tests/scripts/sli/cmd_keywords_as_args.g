echo if end while str int

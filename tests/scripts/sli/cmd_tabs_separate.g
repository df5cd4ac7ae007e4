echo	a		b

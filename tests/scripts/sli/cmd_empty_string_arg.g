echo [ "" ]

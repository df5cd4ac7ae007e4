echo {{strlen abcd} / 3} {{strlen abcd} / 3.0}

echo http://example.org a//b

extern g
function f(a, b)
 int a
 float b
 str c = a @ b
 if ({argc} < 2)
  return
 end
 return {g {a + 1}} + $1 + {argv 2}
end
function g(x)
 return x
end
echo {f 1 2.5}
include lib a b

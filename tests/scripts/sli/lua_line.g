// test-options: -nox
// `lua CHUNK` runs the rest of the line as Lua, as written: strings keep
// their quotes, // is Lua's integer division, ; separates Lua statements;
// a Lua error shows its message (it said "error object is not a string").
lua print("hi " .. 7 // 2)
lua local t = {1, 2, 3}; print(#t)
lua print('a;b // c')
lua error("boom")
echo after the error

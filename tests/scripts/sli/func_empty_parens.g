function f()
    echo called {argc}
end
f

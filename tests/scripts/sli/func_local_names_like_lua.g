function f(end_, local, self)
    str nil = local @ self
    return nil
end
echo {f 1 2 3}

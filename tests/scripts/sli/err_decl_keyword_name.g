str end

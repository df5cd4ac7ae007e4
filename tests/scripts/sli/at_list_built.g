str workers = "0"
int i
for (i = 1; i < 1; i = i + 1)
    workers = workers @ "," @ {i}
end
echo@{workers} built {workers}

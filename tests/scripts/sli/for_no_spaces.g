int i
for(i=0;i<3;i=i+1)
echo {i}
end

echo a /* this comment
 spans lines */ b
echo c



;;
echo ok
;

echo@0.0 zone zero
echo@all.all everyone
echo@0.others none
echo end

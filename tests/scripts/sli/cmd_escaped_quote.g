echo "say \"hi\" now"

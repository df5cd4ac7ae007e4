*set_compt_param RX 2

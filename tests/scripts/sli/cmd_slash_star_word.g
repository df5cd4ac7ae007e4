echo /*/soma /##[TYPE=compartment]

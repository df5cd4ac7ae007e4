include inc_self

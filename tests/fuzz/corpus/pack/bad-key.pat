[p]
regex = x
colour = red

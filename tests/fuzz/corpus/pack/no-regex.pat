[p]
field = dnr

[q]
regex = y

[bad]
regex = (?<value>\d+
field = x

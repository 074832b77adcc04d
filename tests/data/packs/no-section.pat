# nothing yet
regex = x

# Test pack: a field, a value with a fixed label and unit, a value whose
# label and unit come from groups.
[projektnummer]
regex = projekt\s+nr\s+(?<value>P-\d+)
field = projekt

[volontarer]
regex = (?<value>\d[\d ]*)\s+volontärer
label = Antal volontärer
unit = count

[budgetpost]
regex = (?<label>hyra|löner)\s+(?<value>\d[\d ]*(?:,\d+)?)\s*(?<unit>tkr|kr)

# Diarienummer as municipalities and regions print them, for archivists
# who index by them. Load with: extract --patterns patterns/packs/diarienummer.pat
# or copy to ~/.config/extract/patterns/.

# "KS 2021/123", "KS2021/123": kommunstyrelsen
[dnr-ks]
regex = (?<![\p{L}])(?<value>KS\s?\d{4}/\d{1,5})
field = dnr

# "RS 2020-01234": regionstyrelsen
[dnr-rs]
regex = (?<![\p{L}])(?<value>RS\s?\d{4}-\d{3,6})
field = dnr

# "Dnr 1.2.3-456/2021"
[dnr-klass]
regex = \bdnr\.?\s*(?<value>\d+(?:\.\d+)+-\d+/\d{4})
field = dnr

# pakt's own words in English (the command line; rule explanations are in docs/rules/).
# Every message here must exist in de.ftl with the same placeholders (a test checks).

summary =
    { $files ->
        [one] { $files } file
       *[other] { $files } files
    } checked, { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
summary-allowed = ({ $allowed } allowed in the agreements)
summary-config = (config: { $files })
rules-off-note = note: rules turned off by the configuration or the command line: { $rules }
explain-header = { $code } ({ $name }), default severity: { $severity }
explain-builtin-header = { $code } ({ $name }), always an error
explain-parameters = Parameters (pakt.toml)
explain-parameter = `{ $name }` (default { $default }): { $description }
severity-error = error
severity-warning = warning
severity-off = off

## Diagnostics. The English entries are the texts the checks write (with
## their variables); a diagnostic whose text matches one is shown in German
## with the German entry of the same id. More specific entries come first.

d-p001 = expected { $expected }, found { $found }
d-p001-label = expected { $expected }
d-p001-block = in this `{ $keyword }` block
d-p001-takes-a = a `{ $keyword }` block takes: { $attrs }
d-p001-takes-an = an `{ $keyword }` block takes: { $attrs }
d-p001-top = at the top level, write blocks: { $blocks }
d-p002 = this text is never closed
d-p002-label = the text starts here and runs to the end of the file
d-p002-help = close the text with `"`; a quotation mark inside a text is written `\"` (or use „German quotes“)
d-p013-en = `{ $word }` is an English keyword, but this file is written with German keywords
d-p013-de = `{ $word }` is a German keyword, but this file is written with English keywords
d-p013-label = write `{ $right }` here
d-p013-header-de = `{ $kw }` makes this a file with German keywords
d-p013-header-en = `{ $kw }` makes this a file with English keywords
d-p013-help = write `{ $right }`; one file uses one keyword set (`pakt convert --keywords { $to } FILE --write` converts a whole file)
d-r001 = `{ $id }` is not defined
d-r001-label = no { $kinds } of this name
d-r001-mean = did you mean `{ $name }`?
d-r001-here = `{ $name }` is defined here
d-r001-define = define { $what } named `{ $id }`, or correct the name
d-a001-side = seat `{ $seat }` of paritätisch body `{ $body }` belongs to no side
d-a001-side-label = no side: neither the seat nor its party states one
d-a001-declared = parity is declared here
d-a001-side-help = give the seat `side state` or `side municipal`, or a `party` that has a side
d-a001 = `{ $body }` is declared paritätisch but has { $counts } voting seats
d-a001-here = declared paritätisch here
d-a001-counts = { $counts } voting seats
d-a001-help = give both sides the same number of voting seats, or mark a seat without a vote `advisory`
d-a003-decides = `{ $body }` decides but has no meeting rule
d-a003-tasks = `{ $body }` has tasks but has no meeting rule
d-a003-label = no `meets` in this body
d-a003-decides-here = it decides here
d-a003-tasks-here = it has tasks, e.g. this one
d-a003-help = state how often it meets, e.g. `meets at_least 2 per year or on_request_of 2`, or `meets regularly`
d-a003-less = `{ $body }` meets { $times } a year, less than the minimum of { $min }
d-a003-less-help = meet at least { $min } times a year, or lower `min-per-year` of rule `meeting-rule` in pakt.toml
d-a008-twice = `{ $financing }` has two tranches for { $year }
d-a008-second = second tranche for this year
d-a008-first = first tranche for this year
d-a008-twice-help = merge the two tranches into one, or correct the year
d-a008-positive = the { $year } tranche of `{ $financing }` is not positive
d-a008-zero = zero or less
d-a008-positive-help = remove the tranche, or give its amount
d-a008-currency = the { $year } tranche of `{ $financing }` is in { $currency }, the financing in { $own }
d-a008-currency-label = another currency
d-a008-currency-help = state all amounts of one financing in one currency
d-a008-term = the { $year } tranche of `{ $financing }` lies outside the term ({ $bounds })
d-a008-term-label = before the term begins
d-a008-term-label-after = after the term ends
d-a008-term-help = move the tranche into the term, or extend the term
d-a008-the-term = the term
d-a008-exceed = the tranches of `{ $financing }` add up to { $total } and exceed the ceiling of { $amount }
d-a008-exact = the tranches of `{ $financing }` add up to { $total } and do not add up to the exact sum of { $amount }
d-a008-stated = the stated amount
d-a008-exceed-help = lower the tranches, or raise the ceiling if the text says so
d-a008-exact-help = make the tranches add up to the sum
d-r002 = `{ $name }` is defined twice
d-r002-again = `{ $name }` defined again here
d-r002-first = first defined here as { $what }
d-r004 = `{ $attr }` is given twice
d-r004-again = given again here
d-r004-first = first given here
d-r004-help = an element has one `{ $attr }`; remove one of them
d-r005 = { $block } `{ $id }` has no { $what }
d-r005-label = this { $block } needs { $what }
d-r005-help = add it, e.g. `{ $example }`
d-p003 = `{ $date }` is not a valid date: { $why }
d-p003-label = not a calendar date
d-p003-help = dates are written YYYY-MM-DD (ISO 8601), e.g. 2018-10-17
d-why-month = month { $month } does not exist
d-why-day = { $month } has no day { $day } (it has { $max } days)
d-why-date = a date is written YYYY-MM-DD
d-p004 = malformed amount: { $why }
d-p004-label = this amount
d-p004-help-en = write money as a currency and an exact amount: `EUR 80 million`, `EUR 1_500_000.50`
d-p004-help-de = write money as a currency and an exact amount: `EUR 80 Mio.`, `EUR 1.500.000,50`
d-why-comma = `{ $token }` uses a comma: write the decimal separator as a dot and group digits with `_` (e.g. `1_500_000.50`)
d-why-dots = `{ $token }` has more than one `.`: group digits with `_` (e.g. `80_000_000`), a dot only separates the cents
d-why-decimals = `{ $token }` has more than two decimals: money is exact to the cent
d-why-commas-de = `{ $token }` has more than one `,`: the comma separates the cents, a dot groups thousands
d-why-dot-after-comma-de = `{ $token }` has a dot after the comma: the comma separates the cents, a dot groups thousands (e.g. `1.500.000,50`)
d-why-groups-de = `{ $token }`: in a file with German keywords a dot groups thousands (`80.000.000`) and a comma separates decimals (`1,5 Mio.`)
d-p005 = the file contains no agreement
d-p005-label = nothing here but white space and comments

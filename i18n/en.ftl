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

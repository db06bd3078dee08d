# Die eigenen Worte von pakt auf Deutsch (die Befehlszeile; Regelerklärungen stehen in docs/rules/de/).
# Jede Meldung hier muss es in en.ftl mit denselben Platzhaltern geben (ein Test prüft das).

summary =
    { $files ->
        [one] { $files } Datei
       *[other] { $files } Dateien
    } geprüft, { $errors ->
        [one] { $errors } Fehler
       *[other] { $errors } Fehler
    }, { $warnings ->
        [one] { $warnings } Warnung
       *[other] { $warnings } Warnungen
    }
summary-allowed = ({ $allowed } in den Vereinbarungen erlaubt)
summary-config = (Konfiguration: { $files })
rules-off-note = Hinweis: durch die Konfiguration oder die Befehlszeile abgeschaltete Regeln: { $rules }
explain-header = { $code } ({ $name }), Standard-Schweregrad: { $severity }
explain-builtin-header = { $code } ({ $name }), immer ein Fehler
explain-parameters = Parameter (pakt.toml)
explain-parameter = `{ $name }` (Vorgabe { $default }): { $description }
severity-error = Fehler
severity-warning = Warnung
severity-off = aus

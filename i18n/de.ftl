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

## Diagnosen (siehe en.ftl: die englischen Einträge sind die Muster).

d-p001 = erwartet: { $expected }; gefunden: { $found }
d-p001-label = erwartet: { $expected }
d-p001-block = in diesem Block `{ $keyword }`
d-p001-takes-a = ein Block `{ $keyword }` nimmt: { $attrs }
d-p001-takes-an = ein Block `{ $keyword }` nimmt: { $attrs }
d-p001-top = auf oberster Ebene stehen Blöcke: { $blocks }
d-p002 = dieser Text wird nie geschlossen
d-p002-label = der Text beginnt hier und läuft bis zum Dateiende
d-p002-help = den Text mit `"` schließen; ein Anführungszeichen im Text wird `\"` geschrieben (oder „deutsche Anführungszeichen“ verwenden)
d-p013-en = `{ $word }` ist ein englisches Schlüsselwort, diese Datei ist aber mit deutschen Schlüsselwörtern geschrieben
d-p013-de = `{ $word }` ist ein deutsches Schlüsselwort, diese Datei ist aber mit englischen Schlüsselwörtern geschrieben
d-p013-label = hier `{ $right }` schreiben
d-p013-header-de = `{ $kw }` macht dies zu einer Datei mit deutschen Schlüsselwörtern
d-p013-header-en = `{ $kw }` macht dies zu einer Datei mit englischen Schlüsselwörtern
d-p013-help = `{ $right }` schreiben; eine Datei verwendet einen Satz von Schlüsselwörtern (`pakt convert --keywords { $to } DATEI --write` wandelt eine ganze Datei um)
d-r001 = `{ $id }` ist nicht definiert
d-r001-label = kein Element dieses Namens ({ $kinds })
d-r001-mean = meinten Sie `{ $name }`?
d-r001-here = `{ $name }` ist hier definiert
d-r001-define = { $what } namens `{ $id }` definieren, oder den Namen berichtigen
d-a001-side = Sitz `{ $seat }` des paritätischen Gremiums `{ $body }` gehört zu keiner Seite
d-a001-side-label = keine Seite: weder der Sitz noch seine Partei nennt eine
d-a001-declared = hier ist Parität erklärt
d-a001-side-help = dem Sitz `side state` oder `side municipal` geben, oder eine `party`, die eine Seite hat
d-a001 = `{ $body }` ist als paritätisch erklärt, hat aber ungleich viele stimmberechtigte Sitze: { $counts }
d-a001-here = hier als paritätisch erklärt
d-a001-counts = stimmberechtigte Sitze: { $counts }
d-a001-help = beiden Seiten gleich viele stimmberechtigte Sitze geben, oder einen Sitz ohne Stimme als `advisory` kennzeichnen
d-a003-decides = `{ $body }` beschließt, hat aber keine Sitzungsregel
d-a003-tasks = `{ $body }` hat Aufgaben, aber keine Sitzungsregel
d-a003-label = kein `meets` in diesem Gremium
d-a003-decides-here = hier beschließt es
d-a003-tasks-here = es hat Aufgaben, z. B. diese
d-a003-help = angeben, wie oft es tagt, z. B. `meets at_least 2 per year or on_request_of 2`, oder `meets regularly`
d-a003-less = `{ $body }` tagt { $times } im Jahr, seltener als das Minimum von { $min }
d-a003-less-help = mindestens { $min }-mal im Jahr tagen, oder `min-per-year` der Regel `meeting-rule` in pakt.toml senken
d-a008-twice = `{ $financing }` hat zwei Tranchen für { $year }
d-a008-second = zweite Tranche für dieses Jahr
d-a008-first = erste Tranche für dieses Jahr
d-a008-twice-help = die beiden Tranchen zu einer zusammenfassen, oder das Jahr berichtigen
d-a008-positive = die Tranche { $year } von `{ $financing }` ist nicht positiv
d-a008-zero = null oder weniger
d-a008-positive-help = die Tranche entfernen, oder ihren Betrag angeben
d-a008-currency = die Tranche { $year } von `{ $financing }` ist in { $currency }, die Finanzierung in { $own }
d-a008-currency-label = eine andere Währung
d-a008-currency-help = alle Beträge einer Finanzierung in einer Währung angeben
d-a008-term = die Tranche { $year } von `{ $financing }` liegt außerhalb der Geltungsdauer ({ $bounds })
d-a008-term-label = vor Beginn der Geltungsdauer
d-a008-term-label-after = nach dem Ende der Geltungsdauer
d-a008-term-help = die Tranche in die Geltungsdauer legen, oder die Geltungsdauer verlängern
d-a008-the-term = die Geltungsdauer
d-a008-exceed = die Tranchen von `{ $financing }` ergeben zusammen { $total } und übersteigen die Obergrenze von { $amount }
d-a008-exact = die Tranchen von `{ $financing }` ergeben zusammen { $total } und nicht genau die Summe von { $amount }
d-a008-stated = der angegebene Betrag
d-a008-exceed-help = die Tranchen senken, oder die Obergrenze erhöhen, wenn der Text es so sagt
d-a008-exact-help = die Tranchen so angeben, dass sie die Summe ergeben
d-r002 = `{ $name }` ist zweimal definiert
d-r002-again = `{ $name }` hier erneut definiert
d-r002-first = zuerst hier definiert, als { $what }
d-r004 = `{ $attr }` ist zweimal angegeben
d-r004-again = hier erneut angegeben
d-r004-first = zuerst hier angegeben
d-r004-help = ein Element hat ein `{ $attr }`; eines davon entfernen
d-r005 = { $block } `{ $id }` hat kein { $what }
d-r005-label = { $block }: hier fehlt { $what }
d-r005-help = ergänzen, z. B. `{ $example }`
d-p003 = `{ $date }` ist kein gültiges Datum: { $why }
d-p003-label = kein Kalenderdatum
d-p003-help = Daten werden JJJJ-MM-TT geschrieben (ISO 8601), z. B. 2018-10-17
d-why-month = den Monat { $month } gibt es nicht
d-why-day = { $month } hat keinen Tag { $day } (er hat { $max } Tage)
d-why-date = ein Datum wird JJJJ-MM-TT geschrieben
d-p004 = fehlerhafter Betrag: { $why }
d-p004-label = dieser Betrag
d-p004-help-en = Geld als Währung und genauen Betrag schreiben: `EUR 80 million`, `EUR 1_500_000.50`
d-p004-help-de = Geld als Währung und genauen Betrag schreiben: `EUR 80 Mio.`, `EUR 1.500.000,50`
d-why-comma = `{ $token }` hat ein Komma: in Dateien mit englischen Schlüsselwörtern trennt ein Punkt die Cent ab, `_` gruppiert Ziffern (z. B. `1_500_000.50`)
d-why-dots = `{ $token }` hat mehr als einen `.`: Ziffern mit `_` gruppieren (z. B. `80_000_000`), ein Punkt trennt nur die Cent ab
d-why-decimals = `{ $token }` hat mehr als zwei Nachkommastellen: Geld ist auf den Cent genau
d-why-commas-de = `{ $token }` hat mehr als ein `,`: das Komma trennt die Cent ab, ein Punkt gruppiert Tausender
d-why-dot-after-comma-de = `{ $token }` hat einen Punkt nach dem Komma: das Komma trennt die Cent ab, ein Punkt gruppiert Tausender (z. B. `1.500.000,50`)
d-why-groups-de = `{ $token }`: in einer Datei mit deutschen Schlüsselwörtern gruppiert ein Punkt Tausender (`80.000.000`) und ein Komma trennt Dezimalstellen ab (`1,5 Mio.`)
d-p005 = die Datei enthält keine Vereinbarung
d-p005-label = hier steht nur Leerraum und Kommentare

#!/usr/bin/env bash
# Seed the fuzz corpora (fuzz/corpus is not committed) from the example
# agreements, the test fixtures and a few generated agreements, and write a
# dictionary of pakt's keywords for libFuzzer (-dict=fuzz/pakt.dict).
#
# Usage: fuzz/seed.sh            (from the repository root or from fuzz/)
set -euo pipefail
cd "$(dirname "$0")/.."
for target in parse check roundtrip fmt diff outputs blockwise; do
    dir="fuzz/corpus/$target"
    mkdir -p "$dir"
    for f in agreements/*.pakt; do
        [ -e "$f" ] && cp "$f" "$dir/agreement-$(basename "$f")"
    done
    if [ -d tests/fixtures ]; then
        # Known open crashes (regressions/open-*) are left out: they would stop
        # every run at once.
        find tests/fixtures -type f \( -name '*.pakt' -o -name '*.toml' -o -path '*/regressions/*' \) \
            ! -name 'open-*' ! -name '*.md' -print0 |
            while IFS= read -r -d '' f; do
                cp "$f" "$dir/fixture-$(echo "${f#tests/fixtures/}" | tr '/' '_')"
            done
    fi
done
# Small generated agreements (valid, so they reach the rules), if the
# example builds.
if cargo build --quiet --release --example gen 2>/dev/null; then
    for seed in 1 2 3; do
        for target in parse check roundtrip fmt diff outputs blockwise; do
            ./target/release/examples/gen --size 40 --seed "$seed" > "fuzz/corpus/$target/gen-40-$seed.pakt"
        done
    done
fi
# diff: pairs of versions, old and new separated by a NUL byte.
mkdir -p fuzz/corpus/diff
pair() { { cat "$1"; printf '\0'; cat "$2"; } > "fuzz/corpus/diff/$3"; }
pair agreements/sachsen-anhalt-2006.pakt agreements/sachsen-anhalt-2014.pakt real-2006-2014
pair agreements/sachsen-anhalt-2014.pakt agreements/sachsen-anhalt-2006.pakt real-2014-2006
for f in agreements/*.pakt; do
    pair "$f" "$f" "same-$(basename "$f")"
done
if [ -d tests/fixtures/rules ]; then
    for f in tests/fixtures/rules/*.fail.pakt; do
        ok="${f%.fail.pakt}.pass.pakt"
        [ -e "$ok" ] && pair "$ok" "$f" "fixture-$(basename "$f")"
    done
fi
# Keywords and punctuation, from the grammar.
{
    # Every spelling of every keyword rule (English and German, `kw_x = @{ ("a" | "b") ~ … }`);
    # umlauts become \xNN, as libFuzzer dictionaries want ASCII.
    grep '^kw_' grammar/pakt.pest | grep -o '"[^"]*"' | sort -u |
        python3 -c 'import sys; [print("".join(c if ord(c) < 128 else "".join("\\x%02x" % b for b in c.encode()) for c in l.rstrip("\n"))) for l in sys.stdin]'
    # libFuzzer dictionaries are ASCII: other bytes are written \xNN.
    printf '%s\n' '"{"' '"}"' '","' '"."' '"/"' '"\\""' '"//"' '"EUR"' '"million"' '"2030-03-01"' \
        '"\xe2\x82\xac"' '"\xe2\x80\x9e"' '"\xe2\x80\x9c"' '"\xc2\xa0"' '"\xef\xbb\xbf"'
} > fuzz/pakt.dict
echo "seeded: $(ls fuzz/corpus/parse | wc -l) inputs per target; dictionary: $(wc -l < fuzz/pakt.dict) tokens"

#!/bin/sh
# tests/po.sh - the Korean catalog is complete and is what Korean mode shows.
#
# po/POTFILES.in names every source file that marks strings (_( or N_(), so
# a new file cannot be left out of the catalog; the messages extracted from
# those files now, merged into po/ko.po, are all translated, none fuzzy, and
# the formats match (msgfmt -c); --lang ko and a Korean locale (not
# installed: LANGUAGE does the work) print Korean; a Korean lesson in batch
# mode prints none of the catalog's English sentences.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
S=$REGTUTOR_SRCDIR
plan 12

tmp=tests/tmp/po-$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT

# 1. POTFILES.in lists exactly the files that mark strings.
(cd "$S" && grep -rlE '(^|[^A-Za-z0-9_])N?_\(' src --include='*.c' \
    --include='*.h' | grep -v '^src/util/i18n\.h$' | LC_ALL=C sort) \
    >"$tmp/marked"
sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$S/po/POTFILES.in" | LC_ALL=C sort \
    >"$tmp/listed"
missing=$(comm -23 "$tmp/marked" "$tmp/listed" | tr '\n' ' ')
is "po/POTFILES.in lists every file with _( or N_(" "$missing" ""
stale=$(comm -13 "$tmp/marked" "$tmp/listed" | tr '\n' ' ')
is "po/POTFILES.in lists no file without them" "$stale" ""

# 2. The messages of today's sources, merged into ko.po: all translated.
opts=$(sed -n '/^XGETTEXT_OPTIONS/,/[^\\]$/p' "$S/po/Makevars" |
    sed -e 's/^XGETTEXT_OPTIONS *= *//' -e 's/\\$//' | tr '\n' ' ')
# shellcheck disable=SC2086
(cd "$S" && "$XGETTEXT" $opts --package-name=regtutor \
    --files-from=po/POTFILES.in -o -) >"$tmp/regtutor.pot" 2>"$tmp/xgettext.err"
is "xgettext extracts the messages" "$?" 0
"$MSGMERGE" -q --no-wrap "$S/po/ko.po" "$tmp/regtutor.pot" -o "$tmp/ko.po"
stats=$(LC_ALL=C "$MSGFMT" -c --statistics -o /dev/null "$tmp/ko.po" 2>&1)
like "every message of the sources has a Korean translation" "$stats" \
    '^[0-9]+ translated messages?\.$'
if ! printf '%s' "$stats" | grep -Eq '^[0-9]+ translated messages?\.$'; then
	# name the strings, so the fix is obvious
	LC_ALL=C msgattrib --untranslated --only-fuzzy "$tmp/ko.po" 2>/dev/null |
	    grep '^msgid' | head -20 | sed 's/^/# /'
	LC_ALL=C msgattrib --untranslated "$tmp/ko.po" 2>/dev/null |
	    grep '^msgid' | head -20 | sed 's/^/# /'
fi
err=$(LC_ALL=C "$MSGFMT" -c -o /dev/null "$S/po/ko.po" 2>&1)
is "po/ko.po passes msgfmt -c (formats match)" "$err" ""

# 3. Korean on the command line.
err=$("$R" --lang ko -e trian 2>&1 >/dev/null)
like "--lang ko: the error is Korean" "$err" \
    "^regtutor: trian: 알 수 없는 명령.*'train'"
err=$(env -u LC_ALL -u LANGUAGE -u REGTUTOR_LOCALEDIR LANG=ko_KR.UTF-8 "$R" -e trian \
    2>&1 >/dev/null)
like "LANG=ko_KR.UTF-8 (not installed), the build tree's catalog: Korean" "$err" \
    "알 수 없는 명령"
err=$("$R" --lang en -e trian 2>&1 >/dev/null)
like "--lang en: the error is English" "$err" "unknown command"

# 4. Korean lessons in batch mode (2 and 3, the pages the issue found
# half English): no English sentence of the catalog.
# The English side of every message, cut at its conversions (%s, %.3g)
# and line breaks; a piece of two words or more is a sentence to look for.
awk '
function flush() { if (id != "") print id; id = "" }
/^msgid "/ { flush(); inid = 1; sub(/^msgid "/, ""); sub(/"$/, ""); id = $0; next }
/^"/ && inid { sub(/^"/, ""); sub(/"$/, ""); id = id $0; next }
{ inid = 0 }
END { flush() }' "$tmp/regtutor.pot" |
    sed -e 's/\\n/\n/g' -e 's/\\"/"/g' |
    sed -e 's/%[-+ #0]*[0-9*]*\(\.[0-9*]*\)\{0,1\}[hlzjt]*[diouxXeEfgGcsp%]/\n/g' |
    sed -e 's/^[[:space:][:punct:]]*//' -e 's/[[:space:][:punct:]]*$//' |
    grep -E '^[A-Za-z]+[ -][A-Za-z]+' | grep -E '.{10}' |
    LC_ALL=C sort -u >"$tmp/english"
for n in 2 3; do
	# The lesson's own words (its commands, a term quoted in English)
	# are not the interface's.
	lesson=$(ls "$S"/lessons/ko/0$n-*.lesson)
	grep -F -o -f "$tmp/english" "$lesson" | LC_ALL=C sort -u \
	    >"$tmp/in-lesson" || :
	grep -F -x -v -f "$tmp/in-lesson" "$tmp/english" \
	    >"$tmp/english-ui" || :
	"$R" --lang ko --batch $n --ascii >"$tmp/batch.out" 2>&1
	is "--lang ko --batch $n runs" "$?" 0
	found=$(grep -F -f "$tmp/english-ui" "$tmp/batch.out" | head -5)
	is "--lang ko --batch $n prints no English UI sentence" "$found" ""
done
finish

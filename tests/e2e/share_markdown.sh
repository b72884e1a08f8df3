# The markdown share read by a real GitHub-flavoured markdown reader
# (cmark-gfm, with its autolink, table and strikethrough extensions): what
# a person wrote, shared with notes, stays text. Links, images, headings,
# rules, lists, raw HTML and the autolinks GFM makes of bare web and email addresses
# never appear in the rendered page, while each note's words do.
. "$(dirname "$0")/lib.sh"

if ! command -v cmark-gfm >/dev/null; then
    fail "this test needs cmark-gfm (see .ci/run)"
    exit 1
fi

expect_exit 0 steady checkin --mood 6 --note '[click](http://evil.example/a) and ![img](http://evil.example/i.png)' \
    --gratitude 'see www.evil.example or https://evil.example/b'
expect_exit 0 steady trigger '# not a heading' --note 'mail sam@evil.example <b>bold</b> <script>x()</script>'
expect_exit 0 steady craving --intensity 5 --note 'ftp://evil.example/c | a | b |' --strategy 'walk'
expect_exit 0 steady meeting 'Harbour Street' --note $'ok\n---\nEvil heading\n===\n- an item\n  + another\n2. first\n10) tenth'
expect_exit 0 steady partner add Sam --email sam@example.org --notes
expect_exit 0 steady share Sam --format markdown --output "$tmp/share.md" --message $'Big\n==='

html=$(cmark-gfm -e autolink -e table -e strikethrough -e tagfilter "$tmp/share.md")
_check
for tag in '<a ' '<img' '<h1>evil' '<h1>Evil' '<h1>Big' '<h2>Evil' '<ol' '<li>an item' \
    '<li>another' '<b>' '<script' '<table'; do
    case $html in
        *"$tag"*) fail "the rendered share has $tag: $(grep -F -- "$tag" <<<"$html" | head -3)" ;;
    esac
done
# One rule: steady's own, before "Sent with steady".
expect_eq "$(grep -c '<hr' <<<"$html")" 1 "rules in the rendered share"
# The words themselves are there, as text (the word joiner after '@' is invisible).
plain=$(sed 's/\xe2\x81\xa0//g' <<<"$html")
for words in 'http://evil.example/a' 'www.evil.example' 'https://evil.example/b' \
    'sam@evil.example' 'ftp://evil.example/c' '# not a heading' '&lt;b&gt;bold&lt;/b&gt;' \
    'Evil heading' '2. first' '10) tenth'; do
    _check
    case $plain in
        *"$words"*) ;;
        *) fail "the rendered share lacks the words '$words'" ;;
    esac
done

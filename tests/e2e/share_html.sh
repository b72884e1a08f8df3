#!/usr/bin/env bash
# `share --format html` in a real browser: headless Chromium, with every
# network route closed, renders the page at a phone's size (390×844); the
# screenshot must exist and show something (more than one colour, a fair
# share of pixels not the background), the DOM must hold the greeting and
# the charts and none of the markup planted in a note, and the page must
# ask the network for nothing. Chromium's net log tells the page's own
# requests (made for the file:// page) from the browser's background ones;
# a control page with an external image shows the check can fail.
# Without Chromium, or when it cannot start here, the test says why and is
# skipped (exit 0). STEADY_SHOT_DIR, when set, keeps the screenshot there.
. "$(dirname "$0")/lib.sh"

skip() {
    echo "skipped: $*"
    exit 0
}

browser=
for name in chromium chromium-browser; do
    command -v "$name" >/dev/null 2>&1 && browser=$name && break
done
[ -n "$browser" ] || skip "chromium is not installed (Debian package 'chromium')"
command -v python3 >/dev/null 2>&1 || skip "python3 is not installed"

# `render PAGE NAME [dom]`: Chromium renders PAGE (a file) to $tmp/NAME.png
# with its net log in $tmp/NAME.net.json; with `dom`, a second run writes
# the DOM to $tmp/NAME.dom (net log NAME.dom.net.json). No proxy that
# answers, no host that resolves, no background services.
render() {
    local page=$1 name=$2 dom=${3:-} status=0
    local flags=(--headless --no-sandbox --disable-gpu --user-data-dir="$tmp/chrome-$name"
        --window-size=390,844 --hide-scrollbars --no-first-run --disable-default-apps
        --disable-background-networking --disable-component-update --disable-sync
        --disable-extensions --proxy-server=127.0.0.1:9 --host-resolver-rules="MAP * ~NOTFOUND"
        --log-net-log="$tmp/$name.net.json")
    timeout 30 "$browser" "${flags[@]}" --screenshot="$tmp/$name.png" "file://$page" \
        >"$tmp/$name.log" 2>&1 || status=$?
    [ "$status" = 0 ] && [ -n "$dom" ] || return "$status"
    timeout 30 "$browser" "${flags[@]/--log-net-log=*/--log-net-log=$tmp/$name.dom.net.json}" \
        --dump-dom "file://$page" >"$tmp/$name.dom" 2>>"$tmp/$name.log"
}

# `page_requests LOG…`: the URLs Chromium's net logs show requested on behalf
# of a file:// page, one a line (the browser's own requests have no page).
page_requests() {
    python3 - "$@" <<'EOF'
import json, sys
for path in sys.argv[1:]:
    with open(path) as f:
        log = json.load(f)
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    for event in log["events"]:
        params = event.get("params") or {}
        if names.get(event["type"]) != "URL_REQUEST_START_JOB" or "url" not in params:
            continue
        if "file://" in params.get("network_isolation_key", "") or params.get("initiator") == "null":
            print(params["url"])
EOF
}

# `picture PNG`: "WIDTHxHEIGHT COLOURS SHARE", the size, the number of
# distinct colours and the percentage of pixels unlike the top-left one,
# read with the standard library alone (8-bit RGB or RGBA, not interlaced).
picture() {
    python3 - "$1" <<'EOF'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
assert depth == 8 and colour in (2, 6) and interlace == 0, "unexpected PNG layout"
bpp = 3 if colour == 2 else 4
stride = width * bpp
raw = zlib.decompress(idat)
rows, prev = [], bytearray(stride)
for y in range(height):
    start = y * (stride + 1)
    kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + a) & 255
        elif kind == 2:
            line[i] = (line[i] + b) & 255
        elif kind == 3:
            line[i] = (line[i] + (a + b) // 2) & 255
        elif kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(bytes(line))
    prev = line
pixels = [row[i:i + 3] for row in rows for i in range(0, stride, bpp)]
background = pixels[0]
other = sum(1 for p in pixels if p != background)
print(f"{width}x{height} {len(set(pixels))} {100 * other // len(pixels)}")
EOF
}

# A week with missed days, a craving, a trigger, and a note that tries to be
# markup; a partner who may see everything, notes too.
NOW=2026-11-22T20:00:00
expect_exit 0 steady checkin --date 2026-11-16 --mood 4 --craving 6 --sleep 6
expect_exit 0 steady checkin --date 2026-11-17 --mood 5 --craving 5 \
    --note '<script>alert(1)</script> "><img src=x> & it passed'
expect_exit 0 steady checkin --date 2026-11-19 --mood 7 --craving 3 --gratitude "my sister's call"
expect_exit 0 steady checkin --date 2026-11-20 --mood 8 --craving 2
expect_exit 0 steady checkin --date 2026-11-22 --mood 7 --craving 2
expect_exit 0 steady craving --intensity 7 --strategy walk --outcome resisted --at "2026-11-18 21:00"
expect_exit 0 steady trigger "the pub on the way home" --category places --at "2026-11-18 20:30"
expect_exit 0 steady clock add alcohol --since 2026-10-01
expect_exit 0 steady partner add Sam --email sam@example.org --share all --notes

page=$tmp/sam.html
expect_exit 0 steady share Sam --format html --output "$page" \
    --message "A hard start to the week, a better end. Thank you for asking."
expect_out_contains "(html, sha256 "
expect_eq "$(mode_of "$page")" 600 "the mode of the html file"

# The control: a page that loads an image and a stylesheet from the network.
# If Chromium cannot render even this, it cannot run here: skipped.
control=$tmp/control.html
printf '%s\n' '<!doctype html><title>control</title><h1>control</h1>' \
    '<img src="http://example.invalid/x.png"><link rel="stylesheet" href="https://example.invalid/a.css">' \
    >"$control"
if ! render "$control" control || [ ! -s "$tmp/control.png" ]; then
    echo "chromium could not render a page here; its output:"
    tail -n 20 "$tmp/control.log"
    skip "chromium cannot start"
fi
_check
[ -n "$(page_requests "$tmp/control.net.json")" ] ||
    fail "the net log shows no request for the control page's image: the check below means nothing"

_check
render "$page" share dom || fail "chromium failed on the share (status $?): $(tail -n 5 "$tmp/share.log")"

_check
if [ -s "$tmp/share.png" ]; then
    [ -n "${STEADY_SHOT_DIR:-}" ] && cp "$tmp/share.png" "$STEADY_SHOT_DIR/share_html.png"
    read -r size colours share < <(picture "$tmp/share.png")
    echo "screenshot: $size, $colours colours, $share% of pixels not the background"
    expect_eq "${size%x*}" 390 "the screenshot's width"
    _check
    [ "${colours:-0}" -gt 8 ] || fail "the screenshot has $colours colours: blank"
    _check
    [ "${share:-0}" -ge 2 ] || fail "only $share% of the screenshot is not background: blank"
else
    fail "no screenshot of the share"
fi

_check
requests=$(page_requests "$tmp/share.net.json" "$tmp/share.dom.net.json")
[ -z "$requests" ] || fail "the share asked the network for: $requests"

dom=$(cat "$tmp/share.dom")
for want in "Hi Sam," "A hard start to the week" "Days without a check-in:" "<svg" \
    'role="img"' "&lt;script&gt;alert(1)&lt;/script&gt;" "my sister's call"; do
    _check
    grep -qF -- "$want" <<<"$dom" || fail "the rendered page lacks '$want'"
done
for unwanted in "<script" "<img" "<link"; do
    _check
    if grep -qiF -- "$unwanted" <<<"$dom"; then
        fail "the rendered page has an element '$unwanted'"
    fi
done

#!/usr/bin/env bash
# The privacy property of share (SPEC §7) for `--format email`, whose parts
# are quoted-printable or base64 so that a leaked marker would not show in
# the raw bytes: over seeded journals with a unique marker in every field a
# person fills in, and partners with random scopes and note settings, Python's
# `email` package decodes every part and header of every message, and no
# marker appears unless its section is in the partner's scope and, for free
# text, notes are allowed. A control message with everything allowed proves
# each marker a share shows reaches the decoded parts. tests/cli/test_privacy.cpp checks
# the other formats the same way.
. "$(dirname "$0")/lib.sh"

python=/usr/bin/python3
[ -x "$python" ] || { fail "this test needs python3 (see .ci/run)"; exit 1; }

printf 'name = "Alex"\nemail = "alex@example.org"\n' >"$tmp/config.toml"

_check
env -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u NO_COLOR STEADY_NOW="$NOW" TZ="$ZONE" \
    HOME="$tmp/home" LC_ALL=C.UTF-8 STEADY_CONFIG="$tmp/config.toml" \
    "$python" - "$STEADY_BIN" "$tmp" <<'PY' || fail "the email privacy property (above)"
import email
import email.policy
import os
import random
import subprocess
import sys

steady, tmp = sys.argv[1], sys.argv[2]

# field: (section, free text?), as in tests/cli/test_privacy.cpp.
PLANTED = {
    "checkinnote": ("checkins", True), "checkingratitude": ("checkins", True),
    "checkintag": ("checkins", False), "triggerwhat": ("triggers", True),
    "triggercoped": ("triggers", True), "triggernote": ("triggers", True),
    "triggercat": ("triggers", False), "triggertag": ("triggers", False),
    "cravingnote": ("cravings", True), "cravingstrat": ("cravings", False),
    "cravingtag": ("cravings", False), "meetingname": ("meetings", True),
    "meetingnote": ("meetings", True), "meetingtype": ("meetings", False),
    "goaltitle": ("goals", True), "goallognote": ("goals", True),
    "goallogtag": ("goals", False), "clockname": ("clocks", False),
    "lapsenote": ("clocks", True),
}
SECTIONS = ["checkins", "mood", "cravings", "triggers", "meetings", "goals", "clocks"]
failures = 0
messages = 0


def run(db, *args):
    r = subprocess.run([steady, "--db", db, *args], capture_output=True)
    if r.returncode != 0:
        sys.exit(f"steady {' '.join(args)}: exit {r.returncode}: {r.stderr.decode()}")
    return r.stdout


def decoded(raw):
    """Every header and every part of the message, decoded, lower-cased."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    texts = [f"{k}: {v}" for k, v in message.items()]
    for part in message.walk():
        if part.is_multipart():
            continue
        texts.append(part.get_payload(decode=True).decode("utf-8"))
        texts.extend(f"{k}: {v}" for k, v in part.items())
    return "\n".join(texts).lower()


for seed in range(1, 7):
    rng = random.Random(seed)
    prefix = f"zq{seed:03d}"
    mark = lambda field, n: f"{prefix}{field}x{n}"
    db = os.path.join(tmp, f"privacy-{seed}.db")
    moment = lambda: f"2026-11-{rng.randint(16, 21):02d} {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}"
    days = list(range(16, 23))
    rng.shuffle(days)
    for n in range(rng.randint(1, 4)):
        run(db, "checkin", "--date", f"2026-11-{days[n]}", "--mood", str(rng.randint(1, 10)),
            "--craving", str(rng.randint(0, 10)), "--gratitude", mark("checkingratitude", n),
            "--note", mark("checkinnote", n), "--tag", mark("checkintag", n))
    for n in range(rng.randint(1, 3)):
        run(db, "trigger", mark("triggerwhat", n), "--category", mark("triggercat", n),
            "--coped", mark("triggercoped", n), "--note", mark("triggernote", n),
            "--tag", mark("triggertag", n), "--at", moment())
    for n in range(rng.randint(1, 3)):
        run(db, "craving", "--intensity", str(rng.randint(1, 10)), "--strategy",
            mark("cravingstrat", n), "--outcome", rng.choice(["resisted", "used"]),
            "--note", mark("cravingnote", n), "--tag", mark("cravingtag", n), "--at", moment())
    for n in range(rng.randint(1, 3)):
        run(db, "meeting", mark("meetingname", n), "--type", mark("meetingtype", n),
            "--note", mark("meetingnote", n), "--at", moment())
    for n in range(rng.randint(1, 2)):
        run(db, "goal", "add", mark("goaltitle", n), "--target", str(rng.randint(1, 5)),
            "--per", "week")
        run(db, "goal", "log", str(n + 1), "--note", mark("goallognote", n),
            "--tag", mark("goallogtag", n), "--at", moment())
    for n in range(rng.randint(1, 2)):
        run(db, "clock", "add", mark("clockname", n), "--since", "2026-10-01")
        run(db, "clock", "reset", mark("clockname", n), "--at", moment(),
            "--note", mark("lapsenote", n))

    partners = []
    for p in range(3):
        scope = []
        while not scope:
            scope = [s for s in SECTIONS if rng.random() < 0.5]
        notes = rng.random() < 0.5
        run(db, "partner", "add", f"P{p}", "--email", f"p{p}@example.org",
            "--share", ",".join(scope), *(["--notes"] if notes else []))
        partners.append((f"P{p}", set(scope), notes))
    for name, scope, notes in partners:
        for once in (False, True):
            text = decoded(run(db, "share", name, "--format", "email",
                               *(["--notes"] if once else [])))
            messages += 1
            for field, (section, free) in PLANTED.items():
                allowed = section in scope and (not free or notes or once)
                if not allowed and f"{prefix}{field}x" in text:
                    failures += 1
                    print(f"FAIL: seed {seed}, {name} (scope {sorted(scope)}, notes {notes}, "
                          f"--notes {once}): {field} is in the email")

    # Everything, with notes: each marker a share shows reaches the decoded
    # message (tags, how a trigger was coped with and the notes of meetings
    # and goal logs are in no share).
    run(db, "partner", "add", "Everyone", "--email", "e@example.org", "--notes")
    text = decoded(run(db, "share", "Everyone", "--format", "email"))
    messages += 1
    for field in ["checkinnote", "checkingratitude", "triggerwhat", "cravingnote", "meetingname",
                  "goaltitle", "clockname", "lapsenote", "triggercat", "cravingstrat"]:
        if f"{prefix}{field}x" not in text:
            failures += 1
            print(f"FAIL: seed {seed}: {field} is missing from the email with everything shared")

print(f"{messages} emails decoded, {failures} failures")
sys.exit(1 if failures else 0)
PY

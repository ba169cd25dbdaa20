#!/usr/bin/env bash
# Batch throughput of spdoctor: diagnoses per second through ./spdoctor diagnose --batch.
#
#   bench/batch.sh [-n TICKETS] [-r REPEATS] [--keep FILE]
#
# Writes a JSON Lines file of TICKETS (default 5000, or $TICKETS) tickets: the example messages
# of knowledge-base/signatures/*.yaml (their `examples:` entries), about one in four of them with
# a deployment or an answer, mixed with unrelated lines that match nothing. Then runs
#   ./spdoctor diagnose --batch FILE > /dev/null
# REPEATS times (default 3) and an empty batch as often, and prints
#   - diagnoses/s including start-up   = tickets / median wall time of the full batch
#   - diagnoses/s excluding start-up   = tickets / (median full - median empty batch)
# plus the peak RSS of the full batch (/usr/bin/time, Debian package 'time').
set -u

ROOT=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd) || exit 1
TICKETS=${TICKETS:-5000}
REPEATS=${REPEATS:-3}
KEEP=
while (($#)); do
  case $1 in
    -n | --tickets) TICKETS=${2:?-n needs a number}; shift 2 ;;
    -r | --repeats) REPEATS=${2:?-r needs a number}; shift 2 ;;
    --keep) KEEP=${2:?--keep needs a file name}; shift 2 ;;
    -h | --help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "batch.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
for n in "$TICKETS" "$REPEATS"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "batch.sh: '$n' is not a positive number" >&2; exit 2; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/spdoctor-batch.XXXXXX") || exit 1
trap 'rm -rf -- "$tmp"' EXIT

echo "== building spdoctor if needed (./spdoctor --version)" >&2
"$ROOT/spdoctor" --version >/dev/null || { echo "batch.sh: ./spdoctor --version failed" >&2; exit 1; }

# 1. The examples: every `examples:` list item of the signature files, folded (`>-`) or plain.
awk '
  FNR == 1 { on = 0; flush() }
  function flush() { if (cur != "") print cur; cur = "" }
  /^examples:[ \t]*$/ { on = 1; next }
  on && /^[^ \t#]/ { flush(); on = 0; next }
  on && /^  - / {
    flush(); item = substr($0, 5)
    if (item ~ /^[>|]-?[ \t]*$/) { cur = ""; next }
    gsub(/^["\x27]|["\x27][ \t]*$/, "", item); cur = item; next
  }
  on && /^    / { line = $0; sub(/^ +/, "", line); cur = (cur == "") ? line : cur " " line; next }
  END { flush() }
' "$ROOT"/knowledge-base/signatures/*.yaml >"$tmp/examples.txt"
nex=$(wc -l <"$tmp/examples.txt")
((nex > 0)) || { echo "batch.sh: found no examples in knowledge-base/signatures/*.yaml" >&2; exit 1; }

# 2. The tickets: a fixed pseudo-random mix (same file every run), about 70 % examples.
FILE=${KEEP:-$tmp/tickets.jsonl}
awk -v n="$TICKETS" '
  # JSON string escaping, one character at a time (gsub replacement strings differ between awks).
  function esc(s,    out, i, c) {
    out = ""
    for (i = 1; i <= length(s); i++) {
      c = substr(s, i, 1)
      if (c == "\\" || c == "\"") out = out "\\" c
      else if (c == "\t") out = out "\\t"
      else if (c != "\r") out = out c
    }
    return out
  }
  function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
  { ex[++nex] = esc($0) }
  END {
    u[1] = "The printer on the third floor is out of toner again."
    u[2] = "Outlook keeps asking for my password after the Windows update."
    u[3] = "java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"s\" is null at com.example.App.main(App.java:12)"
    u[4] = "Teams meeting recording is missing from the channel."
    u[5] = "ERROR 1045 (28000): Access denied for user \x27root\x27@\x27localhost\x27 (using password: YES)"
    u[6] = "Backup finished with warnings: 3 items skipped because they were locked."
    u[7] = "Please reset the VPN token for the new starter in accounts."
    u[8] = "2026-06-01 10:00:00,000 INFO [Scheduler] Job started."
    nu = 8
    seed = 42
    for (i = 1; i <= n; i++) {
      r = rnd()
      extra = ""
      if (r < 0.7) {
        text = ex[1 + int(rnd() * nex)]
        s = rnd()
        if (s < 0.15) extra = ",\"deployment\":\"online\""
        else if (s < 0.2) extra = ",\"deployment\":\"onprem\""
        else if (s < 0.25) extra = ",\"answers\":{\"app-registration-exists\":\"no\"}"
      } else {
        text = esc(u[1 + int(rnd() * nu)])
      }
      printf "{\"id\":\"T-%d\",\"text\":\"%s\"%s}\n", i, text, extra
    }
  }' "$tmp/examples.txt" >"$FILE"
: >"$tmp/empty.jsonl"
echo "== $TICKETS tickets from $nex examples + unrelated lines: $FILE" >&2

HAVE_TIME=1
[[ -x /usr/bin/time ]] || { HAVE_TIME=0; echo "batch.sh: /usr/bin/time is missing, so no peak RSS: install the Debian package 'time'" >&2; }

run() { # file -> appends wall ms to $tmp/wall.<name>, RSS to $tmp/rss.<name>
  local f=$1 name=$2 t0 t1 rc
  t0=$EPOCHREALTIME
  if ((HAVE_TIME)); then
    /usr/bin/time -f %M -o "$tmp/rss.one" "$ROOT/spdoctor" diagnose --batch "$f" >/dev/null 2>"$tmp/err.one"
  else
    "$ROOT/spdoctor" diagnose --batch "$f" >/dev/null 2>"$tmp/err.one"
  fi
  rc=$?
  t1=$EPOCHREALTIME
  if ((rc != 0)); then
    echo "batch.sh: spdoctor diagnose --batch $f exited $rc:" >&2
    cat "$tmp/err.one" >&2
    exit 1
  fi
  echo $(((${t1/./} - ${t0/./}) / 1000)) >>"$tmp/wall.$name"
  ((HAVE_TIME)) && tail -n 1 "$tmp/rss.one" >>"$tmp/rss.$name"
  [[ $name == full ]] && grep -o '[0-9]* diagnosed, [0-9]* failed' "$tmp/err.one" >"$tmp/summary"
  return 0
}

median() { sort -n "$1" | awk '{ a[NR] = $1 } END { printf "%d\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "== $REPEATS x (empty batch, full batch)" >&2
for ((r = 1; r <= REPEATS; r++)); do
  run "$tmp/empty.jsonl" empty
  run "$FILE" full
done

full=$(median "$tmp/wall.full")
empty=$(median "$tmp/wall.empty")
summary=$(cat "$tmp/summary" 2>/dev/null)
rss=n/a
((HAVE_TIME)) && rss="$(($(median "$tmp/rss.full") / 1024)) MB"
echo
printf 'spdoctor --batch, %d tickets (%s), %d repeats, %s cores, load %s\n' "$TICKETS" "${summary:-?}" "$REPEATS" \
  "$(nproc 2>/dev/null || echo '?')" "$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?')"
printf '  full batch, median wall:     %6d ms   (peak RSS %s)\n' "$full" "$rss"
printf '  empty batch (start-up):      %6d ms\n' "$empty"
awk -v n="$TICKETS" -v f="$full" -v e="$empty" 'BEGIN {
  printf "  diagnoses/s incl. start-up:  %6.0f\n", n / (f / 1000)
  if (f > e) printf "  diagnoses/s excl. start-up:  %6.0f\n", n / ((f - e) / 1000)
  else print "  diagnoses/s excl. start-up:  n/a (the full batch was not slower than the empty one)"
}'

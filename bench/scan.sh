#!/usr/bin/env bash
# bench/scan.sh: spdoctor scan against grep -c -E -f with the same patterns, on one generated log.
#
#   bench/scan.sh                 # a 1024 MiB job log, 0.1 % known errors
#   bench/scan.sh -s 200          # or SIZE_MB=200; -e 2 for 2 errors per thousand lines
#
# Makes the log in a temporary folder (deleted at the end, whatever happens), reads it until the
# page cache holds it, then times, in one run and one after the other: grep -c -E -f PATTERNS LOG
# (PATTERNS from `spdoctor kb patterns --grep`) and `./spdoctor scan --format json LOG`. Prints
# both wall times, the ratio grep/scan, scan's throughput, both peak RSS, and checks that every
# seeded error was found by scan with the seeded count. Needs python3, GNU grep and GNU time
# (/usr/bin/time, Debian package `time`). Exit 0 when the counts are right, 1 when not.
set -euo pipefail

SIZE_MB=${SIZE_MB:-1024}
PERMILLE=${PERMILLE:-1}
while (($#)); do
  case $1 in
    -s) SIZE_MB=$2; shift 2 ;;
    -e) PERMILLE=$2; shift 2 ;;
    -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "bench/scan.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

ROOT=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
[[ -x /usr/bin/time ]] || { echo "bench/scan.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 69; }
command -v python3 >/dev/null || { echo "bench/scan.sh: needs python3" >&2; exit 69; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/spdoctor-scan-bench.XXXXXX")
trap 'rm -rf -- "$TMP"' EXIT INT TERM
LOG=$TMP/job.log

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "making a ${SIZE_MB} MiB job log with ${PERMILLE} known errors per thousand lines in $TMP ..."
python3 "$ROOT/bench/scan_log.py" "$LOG" "$SIZE_MB" "$PERMILLE" >"$TMP/seeded.tsv" 2>"$TMP/gen.err"
cat "$TMP/gen.err"

# The launcher builds the jar first if needed; then the patterns, as grep reads them.
"$ROOT/spdoctor" kb patterns --grep >"$TMP/patterns.txt" 2>"$TMP/left-out.txt"
echo "patterns: $(wc -l <"$TMP/patterns.txt") for grep -E ($(wc -l <"$TMP/left-out.txt") left out: grep cannot say them)"

# Warm the page cache: read the log until a whole read takes no longer than the one before.
prev=999999
for i in 1 2 3 4; do
  start=$EPOCHREALTIME
  cat -- "$LOG" >/dev/null
  ms=$(( (${EPOCHREALTIME/./} - ${start/./}) / 1000 ))
  echo "page cache: read $i took $ms ms"
  if ((i > 1 && ms * 10 >= prev * 9)); then break; fi
  prev=$ms
done
if command -v fincore >/dev/null; then
  fincore -- "$LOG" | tail -n 1 | awk '{print "page cache: " $1 " of the log resident (" $2 " pages)"}'
fi

bytes=$(stat -c %s -- "$LOG")
/usr/bin/time -f "%e %M" -o "$TMP/grep.time" grep -c -E -f "$TMP/patterns.txt" -- "$LOG" >"$TMP/grep.out" || true
/usr/bin/time -f "%e %M" -o "$TMP/scan.time" "$ROOT/spdoctor" scan --format json -- "$LOG" >"$TMP/scan.json" || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$TMP" "$bytes" <<'EOF'
import json, sys
tmp, size = sys.argv[1], int(sys.argv[2])
g_wall, g_kb = open(tmp + "/grep.time").read().split()[-2:]
s_wall, s_kb = open(tmp + "/scan.time").read().split()[-2:]
g_wall, s_wall = float(g_wall), float(s_wall)
grep_lines = open(tmp + "/grep.out").read().strip()
report = json.load(open(tmp + "/scan.json"))
scan = report["scan"]
found = {}
for h in scan["hits"]:
    # a line two signatures match is one hit, in the group of the first; the other is in alsoMatched
    for sig in [h["signature"]] + h.get("alsoMatched", []):
        found[sig] = found.get(sig, 0) + h["count"]
seeded = dict((l.split("\t")[0], int(l.split("\t")[1])) for l in open(tmp + "/seeded.tsv") if l.strip())
print()
print("log:     %.1f MiB, %d lines" % (size / 2**20, scan["lines"]))
print("grep:    %.2f s wall, peak RSS %.0f MB, %s matching lines" % (g_wall, int(g_kb) / 1024, grep_lines))
print("scan:    %.2f s wall (%.2f s reading and matching), peak RSS %.0f MB, %d candidate lines, %d threads"
      % (s_wall, scan["millis"] / 1000, int(s_kb) / 1024, scan["candidateLines"], scan["threads"]))
print("ratio grep/scan: %.2f   scan throughput: %.0f MB/s (whole command), %.0f MB/s (reading and matching)"
      % (g_wall / s_wall, size / 1e6 / s_wall, size / 1e6 / (scan["millis"] / 1000)))
ok = True
print()
print("%-40s %8s %8s" % ("seeded signature", "seeded", "scan"))
for sig, n in sorted(seeded.items()):
    mark = "" if found.get(sig) == n else "   <-- WRONG"
    ok = ok and not mark
    print("%-40s %8d %8d%s" % (sig, n, found.get(sig, 0), mark))
for sig in sorted(set(found) - set(seeded)):
    print("%-40s %8s %8d   (also matches the seeded lines)" % (sig, "-", found[sig]))
print()
print("causes: " + ", ".join(c["id"] for c in report["causes"]))
print("every seeded error found with the right count" if ok else "COUNTS WRONG")
sys.exit(0 if ok else 1)
EOF

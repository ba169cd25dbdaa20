#!/usr/bin/env bash
# Cold start-up of spdoctor against a trivial picocli program, in one run.
#
#   bench/startup.sh [-n RUNS] [--loop]
#
# Times RUNS (default 15, or $RUNS) fresh JVM processes of each of
#   A  hello, same flags as the launcher: java -Xshare:auto -XX:SharedArchiveFile=hello.jsa
#      -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp picocli.jar:hello.jar Hello
#   B  hello, plain: java -cp picocli.jar:hello.jar Hello
#   C  ./spdoctor diagnose --error "AADSTS700016: ..."   (the launcher, archive in place)
#   D  java -jar target/spdoctor.jar diagnose --error "AADSTS700016: ..."   (no launcher)
# and prints median and p90 wall time, median peak RSS, and the ratios C/A, C/B and D/C.
# Wall times come from hyperfine when it is installed (unless --loop), else from an
# interleaved bash loop (A B C D A B C D ...); peak RSS always from /usr/bin/time -f %M.
# Hello is compiled in this run into a temporary folder (Hello.java + javac + jar; a jar,
# not a folder, because CDS refuses to dump with a non-empty folder on the class path).
set -u

ROOT=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd) || exit 1
RUNS=${RUNS:-15}
FORCE_LOOP=0
while (($#)); do
  case $1 in
    -n | --runs) RUNS=${2:?-n needs a number}; shift 2 ;;
    --runs=*) RUNS=${1#--runs=}; shift ;;
    --loop) FORCE_LOOP=1; shift ;;
    -h | --help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "startup.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "startup.sh: RUNS must be a positive number, not '$RUNS'" >&2; exit 2; }

MSG="AADSTS700016: Application with identifier 'd2f4e6a8-1b3c-4d5e-9f70-81a2b3c4d5e6' was not found in the directory 'contoso.onmicrosoft.com'."
# The same options the launcher uses for a one-shot run.
QUIET=(-Xshare:auto -Xlog:disable -Xlog:all=error:stderr)
FAST=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)

if [[ -n ${JAVA_HOME:-} ]]; then
  JAVA=$JAVA_HOME/bin/java JAVAC=$JAVA_HOME/bin/javac JARTOOL=$JAVA_HOME/bin/jar
else
  JAVA=$(command -v java) JAVAC=$(command -v javac) JARTOOL=$(command -v jar)
fi
for t in "$JAVA" "$JAVAC" "$JARTOOL"; do
  [[ -n $t && -x $t ]] || { echo "startup.sh: needs a JDK 17+ (java, javac, jar); set JAVA_HOME or put it on PATH" >&2; exit 69; }
done

HAVE_TIME=1
if [[ ! -x /usr/bin/time ]]; then
  HAVE_TIME=0
  echo "startup.sh: /usr/bin/time is missing, so no peak RSS: install the Debian package 'time' (apt-get install time)" >&2
fi
USE_HYPERFINE=0
if ((!FORCE_LOOP)) && command -v hyperfine >/dev/null 2>&1; then
  USE_HYPERFINE=1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/spdoctor-bench.XXXXXX") || exit 1
trap 'rm -rf -- "$tmp"' EXIT

# 1. Build (or reuse) spdoctor; the launcher also makes its CDS archive here.
echo "== building spdoctor if needed (./spdoctor --version)" >&2
"$ROOT/spdoctor" --version >"$tmp/version" 2>"$tmp/build.err" || {
  cat "$tmp/build.err" >&2
  echo "startup.sh: ./spdoctor --version failed" >&2
  exit 1
}
[[ -f $ROOT/target/spdoctor.jsa ]] \
  || echo "startup.sh: note: target/spdoctor.jsa does not exist, so C runs without the archive" >&2

# 2. The baseline: picocli hello, compiled now.
PICOCLI=
for f in "$ROOT"/target/lib/picocli-*.jar "$HOME"/.m2/repository/info/picocli/picocli/*/picocli-*.jar; do
  [[ -f $f && $f != *-sources.jar && $f != *-javadoc.jar ]] && { PICOCLI=$f; break; }
done
[[ -n $PICOCLI ]] || { echo "startup.sh: no picocli jar in target/lib or ~/.m2" >&2; exit 1; }
cat >"$tmp/Hello.java" <<'EOF'
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "hello", mixinStandardHelpOptions = true, description = "Says hello.")
public class Hello implements Runnable {
  @Option(names = "--name", description = "Who to greet.")
  String name = "world";

  @Override
  public void run() {
    System.out.println("Hello, " + name + "!");
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Hello()).execute(args));
  }
}
EOF
mkdir -p "$tmp/classes"
"$JAVAC" -nowarn --release 17 -cp "$PICOCLI" -d "$tmp/classes" "$tmp/Hello.java" || exit 1
"$JARTOOL" --create --file "$tmp/hello.jar" -C "$tmp/classes" . || exit 1
HCP=$PICOCLI:$tmp/hello.jar
"$JAVA" "${QUIET[@]}" "${FAST[@]}" -XX:ArchiveClassesAtExit="$tmp/hello.jsa" -cp "$HCP" Hello >/dev/null 2>&1
[[ -s $tmp/hello.jsa ]] || echo "startup.sh: note: could not make hello's CDS archive; A runs without it" >&2

# 3. The variants.
NAMES=(A B C D)
declare -A LABEL
LABEL[A]="hello, launcher flags + CDS"
LABEL[B]="hello, plain java"
LABEL[C]="./spdoctor diagnose"
LABEL[D]="java -jar spdoctor.jar diagnose"
# shellcheck disable=SC2034 # cmd_A..cmd_D are read through namerefs (cmd_$v)
cmd_A=("$JAVA" "${QUIET[@]}" -XX:SharedArchiveFile="$tmp/hello.jsa" "${FAST[@]}" -cp "$HCP" Hello)
# shellcheck disable=SC2034
cmd_B=("$JAVA" -cp "$HCP" Hello)
# shellcheck disable=SC2034
cmd_C=("$ROOT/spdoctor" diagnose --error "$MSG")
# shellcheck disable=SC2034
cmd_D=("$JAVA" -jar "$ROOT/target/spdoctor.jar" diagnose --error "$MSG")

run_once() { # variant -> appends wall ms to $tmp/wall.V and RSS KB to $tmp/rss.V
  local v=$1 t0 t1 rc
  local -n c=cmd_$v
  t0=$EPOCHREALTIME
  if ((HAVE_TIME)); then
    /usr/bin/time -f %M -o "$tmp/rss.one" "${c[@]}" >/dev/null 2>"$tmp/err.one"
  else
    "${c[@]}" >/dev/null 2>"$tmp/err.one"
  fi
  rc=$?
  t1=$EPOCHREALTIME
  if ((rc != 0)); then
    echo "startup.sh: variant $v (${LABEL[$v]}) exited $rc:" >&2
    cat "$tmp/err.one" >&2
    exit 1
  fi
  [[ -s $tmp/err.one ]] && { echo "startup.sh: variant $v wrote to stderr:" >&2; cat "$tmp/err.one" >&2; }
  echo $(((${t1/./} - ${t0/./}) / 1000)) >>"$tmp/wall.$v"
  ((HAVE_TIME)) && tail -n 1 "$tmp/rss.one" >>"$tmp/rss.$v"
  return 0
}

echo "== warm-up: one run of each (not counted)" >&2
for v in "${NAMES[@]}"; do run_once "$v"; done
for v in "${NAMES[@]}"; do rm -f "$tmp/wall.$v" "$tmp/rss.$v"; done

started=$SECONDS
if ((USE_HYPERFINE)); then
  echo "== hyperfine: $RUNS runs of each; then RSS from $((RUNS < 5 ? RUNS : 5)) runs of each" >&2
  hcmds=()
  for v in "${NAMES[@]}"; do
    declare -n c=cmd_$v
    hcmds+=(--command-name "$v: ${LABEL[$v]}" "$(printf '%q ' "${c[@]}")")
    unset -n c
  done
  hyperfine -N --style basic --runs "$RUNS" --warmup 1 --export-json "$tmp/hf.json" "${hcmds[@]}" >&2 || exit 1
  # Pull each result's "times" array (seconds) out of the JSON, in command order.
  awk -v dir="$tmp" -v names="${NAMES[*]}" '
    BEGIN { n = split(names, N, " "); i = 0 }
    /"times"[ \t]*:/ { i++; on = 1; sub(/.*\[/, "") }
    on {
      line = $0; closing = index(line, "]") > 0; sub(/\].*/, "", line)
      m = split(line, parts, ",")
      for (k = 1; k <= m; k++) { x = parts[k]; gsub(/[ \t\r]/, "", x); if (x != "") printf "%d\n", x * 1000 + 0.5 > (dir "/wall." N[i]) }
      if (closing) on = 0
    }' "$tmp/hf.json"
  if ((HAVE_TIME)); then
    for ((r = 0; r < (RUNS < 5 ? RUNS : 5); r++)); do
      for v in "${NAMES[@]}"; do
        declare -n c=cmd_$v
        /usr/bin/time -f %M -o "$tmp/rss.one" "${c[@]}" >/dev/null 2>&1
        unset -n c
        tail -n 1 "$tmp/rss.one" >>"$tmp/rss.$v"
      done
    done
  fi
else
  echo "== bash loop: $RUNS rounds of A B C D (interleaved)" >&2
  for ((r = 1; r <= RUNS; r++)); do
    for v in "${NAMES[@]}"; do run_once "$v"; done
  done
fi
elapsed=$((SECONDS - started))

stats() { # file -> "median p90" of its numbers (nearest-rank p90)
  sort -n "$1" | awk '{ a[NR] = $1 }
    END { if (NR == 0) { print "- -"; exit }
          med = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
          k = int(0.9 * NR); if (k < 0.9 * NR) k++; if (k < 1) k = 1
          printf "%d %d\n", med + 0.5, a[k] }'
}

echo
printf 'spdoctor start-up, %s; %s, %d runs each, %s cores, load %s\n' \
  "$(head -n 1 "$tmp/version")" "$("$JAVA" -version 2>&1 | head -n 1)" "$RUNS" "$(nproc 2>/dev/null || echo '?')" \
  "$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?')"
if ((USE_HYPERFINE)); then how="hyperfine"; else how="a bash loop, interleaved"; fi
printf 'wall times from %s\n\n' "$how"
printf '%-2s %-34s %10s %10s %14s\n' "" "variant" "median ms" "p90 ms" "peak RSS MB"
declare -A MED
for v in "${NAMES[@]}"; do
  read -r med p90 < <(stats "$tmp/wall.$v")
  MED[$v]=$med
  rss="n/a"
  if ((HAVE_TIME)) && [[ -s $tmp/rss.$v ]]; then
    read -r rmed _ < <(stats "$tmp/rss.$v")
    rss=$(awk -v k="$rmed" 'BEGIN { printf "%.0f", k / 1024 }')
  fi
  printf '%-2s %-34s %10s %10s %14s\n' "$v" "${LABEL[$v]}" "$med" "$p90" "$rss"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
echo
echo "C / A  spdoctor vs hello with the same flags and CDS:  $(ratio "${MED[C]}" "${MED[A]}")x  (target: < 3)"
echo "C / B  spdoctor vs plain hello:                        $(ratio "${MED[C]}" "${MED[B]}")x"
echo "D / C  plain java -jar vs the launcher (speed-up):     $(ratio "${MED[D]}" "${MED[C]}")x"
echo "(timed part took ${elapsed} s; medians of whole-process wall time, page cache warm)"

#!/usr/bin/env bash
# Cold start-up of `spdoctor diagnose --error` against a trivial picocli program, plainly started,
# on Java 17 and on Java 25, in one interleaved run.
#
#   bench/startup.sh [-n RUNS] [--java25 PATH-TO-BIN-JAVA] [--no-classes]
#
# Times RUNS (default 10, or $RUNS) fresh processes of each variant, interleaved round by round
# (A17 S17 P17 A25 S25 P25, A17 ...) so that a change of machine load hits all of them alike:
#   A17  hello, plain:  java -cp picocli.jar:hello.jar Hello                       (Java 17)
#   S17  ./spdoctor diagnose --error "AADSTS700016: ..."  (its CDS archive, made by the build)
#   P17  java -jar target/spdoctor.jar diagnose --error ... (no launcher, no archive: the "before")
#   A25, S25, P25  the same on Java 25; S25 uses the AOT cache (JEP 483/514) that the launcher has
#        Maven's training step make for Java 25, the same way as the Java 17 archive.
# Java 17 is JAVA_HOME or java on the PATH; Java 25 is --java25, $JAVA25, or
# /usr/lib/jvm/temurin-25-jdk-amd64/bin/java. Without a Java 25 only the 17 rows are measured.
# Prints median and p90 wall time (ms), median peak RSS (MB, /usr/bin/time), the ratios S/A
# (the issue's target: S25/A25 at most 1.5) and P/S, the load average before and after, and
# (unless --no-classes) the classes one `diagnose --error` loads, by origin and by the parts it
# must not need (probe, profile, msal4j, Graph, Jackson, other renderers).
# Hello is compiled in this run (javac --release 17) into a temporary folder.
set -u

ROOT=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd) || exit 1
RUNS=${RUNS:-10}
J25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
CLASSES=1
while (($#)); do
  case $1 in
    -n | --runs) RUNS=${2:?-n needs a number}; shift 2 ;;
    --runs=*) RUNS=${1#--runs=}; shift ;;
    --java25) J25=${2:?--java25 needs the path of a Java 25 bin/java}; shift 2 ;;
    --no-classes) CLASSES=0; shift ;;
    -h | --help) sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "startup.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "startup.sh: RUNS must be a positive number, not '$RUNS'" >&2; exit 2; }

if [[ -n ${JAVA_HOME:-} ]]; then
  J17=$JAVA_HOME/bin/java JAVAC=$JAVA_HOME/bin/javac JARTOOL=$JAVA_HOME/bin/jar
else
  J17=$(command -v java) JAVAC=$(command -v javac) JARTOOL=$(command -v jar)
fi
for t in "$J17" "$JAVAC" "$JARTOOL"; do
  [[ -n $t && -x $t ]] || { echo "startup.sh: needs a JDK 17+ (java, javac, jar); set JAVA_HOME or put it on PATH" >&2; exit 69; }
done
J17=$(readlink -f -- "$J17")
HOME17=${J17%/bin/java}
HAVE25=0
if [[ -x $J25 ]]; then
  J25=$(readlink -f -- "$J25")
  HAVE25=1
else
  echo "startup.sh: no Java 25 at '$J25' (give --java25 PATH); measuring Java 17 only" >&2
fi
HAVE_TIME=1
[[ -x /usr/bin/time ]] || { HAVE_TIME=0; echo "startup.sh: no /usr/bin/time (Debian package 'time'): no peak RSS" >&2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/spdoctor-bench.XXXXXX") || exit 1
trap 'rm -rf -- "$tmp"' EXIT
MSG="AADSTS700016: Application with identifier 'd2f4e6a8-1b3c-4d5e-9f70-81a2b3c4d5e6' was not found in the directory 'contoso.onmicrosoft.com'."

# 1. Build (or reuse) spdoctor and its start-up archive for each Java, as a user's first runs do.
echo "== ./spdoctor --version with Java 17 (builds the jar and its archive if needed)" >&2
JAVA_HOME=$HOME17 "$ROOT/spdoctor" --version >"$tmp/version" 2>"$tmp/build.err" \
  || { cat "$tmp/build.err" >&2; echo "startup.sh: ./spdoctor --version failed" >&2; exit 1; }
cat "$tmp/build.err" >&2
[[ -f $ROOT/target/spdoctor.jsa ]] || echo "startup.sh: note: no target/spdoctor.jsa, so S17 runs without an archive" >&2
if ((HAVE25)); then
  echo "== ./spdoctor --version with Java 25 (has Maven make its AOT cache if needed)" >&2
  JAVA_HOME=${J25%/bin/java} "$ROOT/spdoctor" --version >/dev/null 2>"$tmp/build.err" \
    || { cat "$tmp/build.err" >&2; echo "startup.sh: ./spdoctor --version on Java 25 failed" >&2; exit 1; }
  cat "$tmp/build.err" >&2
  [[ -f $ROOT/target/spdoctor.aot ]] || echo "startup.sh: note: no target/spdoctor.aot, so S25 runs without an AOT cache" >&2
fi

# 2. The baseline: picocli hello, compiled now.
PICOCLI=
for f in "$HOME"/.m2/repository/info/picocli/picocli/*/picocli-*.jar; do
  [[ -f $f && $f != *-sources.jar && $f != *-javadoc.jar ]] && PICOCLI=$f
done
[[ -n $PICOCLI ]] || { echo "startup.sh: no picocli jar in ~/.m2 (mvn package fetches it)" >&2; exit 1; }
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

# 3. The variants.
NAMES=(A17 S17 P17)
((HAVE25)) && NAMES+=(A25 S25 P25)
declare -A LABEL=(
  [A17]="hello, plain java (17)" [S17]="./spdoctor diagnose (17, CDS)" [P17]="java -jar, no archive (17)"
  [A25]="hello, plain java (25)" [S25]="./spdoctor diagnose (25, AOT)" [P25]="java -jar, no archive (25)")
# shellcheck disable=SC2034 # read through namerefs (cmd_$v)
{
  cmd_A17=("$J17" -cp "$HCP" Hello)
  cmd_S17=(env JAVA_HOME="$HOME17" "$ROOT/spdoctor" diagnose --error "$MSG")
  cmd_P17=("$J17" -jar "$ROOT/target/spdoctor.jar" diagnose --error "$MSG")
  cmd_A25=("$J25" -cp "$HCP" Hello)
  cmd_S25=(env JAVA_HOME="${J25%/bin/java}" "$ROOT/spdoctor" diagnose --error "$MSG")
  cmd_P25=("$J25" -jar "$ROOT/target/spdoctor.jar" diagnose --error "$MSG")
}

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
load_before=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?')
echo "== $RUNS rounds of ${NAMES[*]} (interleaved)" >&2
started=$SECONDS
for ((r = 1; r <= RUNS; r++)); do
  for v in "${NAMES[@]}"; do run_once "$v"; done
done
elapsed=$((SECONDS - started))
load_after=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?')

stats() { # file -> "median p90" of its numbers (nearest-rank p90)
  sort -n "$1" | awk '{ a[NR] = $1 }
    END { if (NR == 0) { print "- -"; exit }
          med = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
          k = int(0.9 * NR); if (k < 0.9 * NR) k++; if (k < 1) k = 1
          printf "%d %d\n", med + 0.5, a[k] }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

echo
printf 'spdoctor start-up: %s; %d rounds; %s cores; load average %s before, %s after\n' \
  "$(head -n 1 "$tmp/version")" "$RUNS" "$(nproc 2>/dev/null || echo '?')" "$load_before" "$load_after"
printf '%-4s %-32s %10s %8s %12s\n' "" "variant" "median ms" "p90 ms" "peak RSS MB"
declare -A MED
for v in "${NAMES[@]}"; do
  read -r med p90 < <(stats "$tmp/wall.$v")
  MED[$v]=$med
  rss="n/a"
  if ((HAVE_TIME)) && [[ -s $tmp/rss.$v ]]; then
    read -r rmed _ < <(stats "$tmp/rss.$v")
    rss=$(awk -v k="$rmed" 'BEGIN { printf "%.0f", k / 1024 }')
  fi
  printf '%-4s %-32s %10s %8s %12s\n' "$v" "${LABEL[$v]}" "$med" "$p90" "$rss"
done
echo
echo "S17 / A17  spdoctor vs plain hello, Java 17:              $(ratio "${MED[S17]}" "${MED[A17]}")x"
echo "P17 / S17  no archive vs the launcher's archive, Java 17: $(ratio "${MED[P17]}" "${MED[S17]}")x"
if ((HAVE25)); then
  echo "S25 / A25  spdoctor vs plain hello, Java 25:              $(ratio "${MED[S25]}" "${MED[A25]}")x  (target: at most 1.5)"
  echo "P25 / S25  no cache vs the launcher's AOT cache, Java 25: $(ratio "${MED[P25]}" "${MED[S25]}")x"
  echo "S17 / S25  spdoctor on 17 vs on 25:                       $(ratio "${MED[S17]}" "${MED[S25]}")x"
fi
echo "(timed part took ${elapsed} s; medians of whole-process wall time, page cache warm)"

# 4. What one diagnose --error loads (one more run of each, logged by the JVM).
if ((CLASSES)); then
  echo
  echo "Classes loaded by one diagnose --error (-Xlog:class+load):"
  printf '%-6s %7s %9s %8s   %s\n' "" "total" "archived" "app" "of which: probe profile msal4j graph jackson nimbus other-renderers"
  for v in S17 S25; do
    [[ $v == S25 ]] && ((!HAVE25)) && continue
    log=$tmp/classes.$v
    local_cmd=cmd_$v
    declare -n c=$local_cmd
    SPDOCTOR_JAVA_OPTS="-Xlog:class+load=info:file=$log" "${c[@]}" >/dev/null 2>&1
    unset -n c
    total=$(grep -c 'class,load' "$log")
    archived=$(grep -c 'shared objects file' "$log")
    app=$(awk '/class,load/ { print $2 }' "$log" | grep -c -v -E '^(java|javax|jdk|sun|com\.sun|org\.w3c|org\.xml|org\.ietf|org\.jcp)\.')
    count() { awk '/class,load/ { print $2 }' "$log" | grep -c -E "$1"; }
    printf '%-6s %7d %9d %8d   %d %d %d %d %d %d %d\n' "$v" "$total" "$archived" "$app" \
      "$(count '^dev\.spdoctor\.probe\.')" "$(count '^dev\.spdoctor\.profile\.')" "$(count '^com\.microsoft\.aad\.msal4j\.')" \
      "$(count '^com\.microsoft\.(graph|kiota)\.')" "$(count '^com\.fasterxml\.jackson\.')" "$(count '^com\.nimbusds\.')" \
      "$(count '^dev\.spdoctor\.render\.(Json|Markdown|ProbeReport|InterviewText|WhyNotText)')"
  done
fi

#!/usr/bin/env bash
# Wall time of probe runs from the shell, against loopback stand-ins for Entra ID, Graph,
# SharePoint Online and DNS (the test stubs), in one run:
#
#   bench/probe.sh [-n RUNS]
#
# Variants, each a fresh ./spdoctor process, interleaved:
#   A  diagnose --error "AADSTS700016 ..."        the baseline: a one-shot diagnosis of pasted text
#   B  diagnose --profile P                      profile and certificate checks, no network
#   C  probe --profile P --format json           all 11 probes against the stubs
#   D  diagnose --profile P --live               all probes, then the diagnosis
# Prints median and p90 wall time and each variant's ratio to A, and the probe run's own time as
# C reports it. Needs the test classes (built here with Maven) and the launcher's jar.
set -euo pipefail
ROOT=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-9}
while (($#)); do
  case $1 in
    -n | --runs) RUNS=${2:?-n needs a number}; shift 2 ;;
    -h | --help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "probe.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
cd "$ROOT"
./spdoctor --version >/dev/null
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
exec "$JAVA" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" dev.spdoctor.bench.ProbeBench "$RUNS" "$ROOT"

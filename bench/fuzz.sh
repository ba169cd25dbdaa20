#!/bin/sh
# Runs each Jazzer fuzz target for a given time with the standalone Jazzer driver, one after the
# other, at the lowest priority (the machine may be shared).
#
#   bench/fuzz.sh [SECONDS] [TARGET...]      default: 600 seconds; every target
#
# Targets: Text BatchLine Profile Answers Transcript Certificate (dev.spdoctor.fuzz.<T>FuzzTest).
# Each starts from its checked-in corpus (src/test/resources/dev/spdoctor/fuzz/<T>FuzzTestInputs/fuzz)
# and grows a working corpus in target/fuzz/<T>/corpus; crashes go to target/fuzz/<T>/. The last
# lines of each log (target/fuzz/<T>/log) give executions per second and the corpus size; a
# summary is printed at the end. In mvn verify the same targets run only their checked-in corpus.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-Text BatchLine Profile Answers Transcript Certificate}
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/fuzz-classpath.txt \
      -Dmdep.includeScope=test >/dev/null
fi
root=$(pwd)
cp="$root/target/test-classes:$root/target/classes:$(cat target/fuzz-classpath.txt)"
summary=""
for t in $targets; do
  dir=target/fuzz/$t
  mkdir -p "$dir/corpus"
  seeds=src/test/resources/dev/spdoctor/fuzz/${t}FuzzTestInputs/fuzz
  # instrument only the code under test: start-up stays short on a busy machine
  case $t in
    Text) only='dev.spdoctor.text.**:dev.spdoctor.input.**:dev.spdoctor.engine.MentionExtractor*' ;;
    BatchLine) only='dev.spdoctor.batch.**:dev.spdoctor.input.**:dev.spdoctor.io.**' ;;
    Profile) only='dev.spdoctor.profile.**' ;;
    Answers) only='dev.spdoctor.app.AnswersFile*:dev.spdoctor.io.**' ;;
    Transcript) only='dev.spdoctor.guide.Transcript*:dev.spdoctor.io.**:dev.spdoctor.input.**' ;;
    Certificate) only='dev.spdoctor.probe.cert.**:dev.spdoctor.io.**' ;;
    *) only='dev.spdoctor.**' ;;
  esac
  echo "fuzzing $t for $seconds s ..."
  set +e
  (cd "$dir" && nice -n 19 java -Xmx2g -cp "$cp" \
      com.code_intelligence.jazzer.Jazzer --target_class=dev.spdoctor.fuzz.${t}FuzzTest \
      --instrumentation_includes="$only" --keep_going=0 \
      -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=3072 -timeout=20 \
      corpus "$root/$seeds") > "$dir/log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$dir/log" | grep -o '[0-9]*$' || echo 0)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$dir/log" | grep -o '[0-9]*$' || echo '?')
  time=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$dir/log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' || echo '?')
  crashes=$(ls "$dir" | grep -c '^crash-' || true)
  size=$(ls "$dir/corpus" | wc -l)
  line="$t: exit $rc, $execs executions in ${time} s ($rate/s), $crashes crashes, working corpus $size files"
  echo "$line"
  summary="$summary$line\n"
done
printf "\nsummary\n$summary"

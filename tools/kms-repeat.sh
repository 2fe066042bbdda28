#!/usr/bin/env bash
# Issue 17 (2): RealKmsTest N times, each on a freshly restarted KMS; one line per run.
# usage: tools/kms-repeat.sh N [TestClass of the media module] [outdir]   (after tools/kms.sh build; the KMS of
# this checkout, target/kms, is stopped and started before every run and stopped at the end)
n=${1:-10}; test=${2:-RealKmsTest}; out=${3:-/tmp/kms-loop}
mkdir -p "$out"
cd "$(dirname "$0")/.."
for i in $(seq 1 "$n"); do
  (bash tools/kms.sh stop >/dev/null; bash tools/kms.sh start >/dev/null) || { echo "run $i: KMS did not start"; continue; }
  load=$(cut -d' ' -f1 /proc/loadavg)
  EMTIHAN_KMS_URL=ws://127.0.0.1:8888/kurento EMTIHAN_KMS_HOME=$PWD/target/kms ./mvnw -B -q -o -pl media -am verify \
    -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true -Dexec.skip=true >"$out/run-$i.log" 2>&1
  rc=$?
  r=media/target/surefire-reports/TEST-kz.emtihan.media.kurento.$test.xml
  cp "$r" "$out/report-$i.xml" 2>/dev/null
  log=$(ls -t target/kms/run/logs/*.log | head -1); cp "$log" "$out/kms-$i.log"
  echo "run $i: rc=$rc load=$load $(grep -o 'tests="[0-9]*" errors="[0-9]*" skipped="[0-9]*" failures="[0-9]*"' "$r" | head -1) $(grep -o 'testcase name="[^"]*"[^>]*>\s*<\(failure\|error\)' "$r" | grep -o 'name="[^"]*"' | tr '\n' ' ')"
done
bash tools/kms.sh stop >/dev/null

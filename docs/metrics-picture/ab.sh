#!/bin/bash
# issue 14 (5): the same build with metrics on, then off, back to back (2,000 students), to see what metrics cost.
# Run from the repository root after `./mvnw -q -o -pl engine -am -DskipTests verify`.
set -e
root=$(pwd); out=${OUT:-/tmp/metrics-ab}; mkdir -p "$out/config-off"
cp config/*.yaml config/logback.xml "$out/config-off/"
python3 - "$out/config-off/emtihan.yaml" <<'PY'
import sys; p = sys.argv[1]; s = open(p).read(); i = s.index('\nmetrics:'); j = s.index('enabled: true', i)
open(p, 'w').write(s[:j] + 'enabled: false' + s[j + len('enabled: true'):])
PY
(cd engine && ../mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" -Dmdep.includeScope=test)
CP="engine/target/test-classes:engine/target/classes:$(cat "$out/cp.txt")"
for mode in ${MODES:-on off}; do
  cfg=$root/config; [ "$mode" = off ] && cfg=$out/config-off
  (cd engine && java -Xms1g -Xmx8g -Demtihan.config.dir="$cfg" -cp "$(echo "$CP" | sed "s#engine/target#$root/engine/target#g")" \
    kz.emtihan.bench.LoadGenerator --students=${STUDENTS:-2000} --connections=512 --window=60 --burst=true \
    --double-start=10 --pool=32 --gzip=true --appendfsync=always --redis-server=auto --warmup=1000 --out="$out/$mode")
done

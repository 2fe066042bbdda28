#!/bin/bash
# metrics on vs off, same build, back to back, 2000 students
cd /tmp/wtd-after/engine
CP="target/test-classes:target/classes:$(cat /tmp/wtd-bench/cp.txt)"
for mode in on off on off; do
  cfg=/tmp/wtd-after/config; [ $mode = off ] && cfg=/tmp/wtd-cfg-off
  mkdir -p /tmp/wtd-bench/ab-$mode
  java -Xms1g -Xmx8g -Demtihan.config.dir=$cfg -cp "$CP" kz.emtihan.bench.LoadGenerator --students=2000 --connections=512 --window=60 --burst=true --double-start=10 --pool=32 --gzip=true --appendfsync=always --redis-server=auto --warmup=1000 --out=/tmp/wtd-bench/ab-$mode > /tmp/wtd-bench/ab-$mode.log 2>&1
  echo "$mode $(tail -1 /tmp/wtd-bench/ab-$mode.log)" >> /tmp/wtd-bench/ab-summary.txt
done
echo done >> /tmp/wtd-bench/ab-summary.txt

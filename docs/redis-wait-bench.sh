#!/bin/bash
# issue 14 (2): what WAIT costs under the load bench: external primary + one replica, waitReplicas 0 vs 1
set -u
D=${WAIT_BENCH_DIR:-/tmp/waitbench}
cd "$(dirname "$0")/.."
start() {
  pkill -f 'redis-server 127.0.0.1:730' ; sleep 1
  rm -rf $D/p $D/r; mkdir -p $D/p $D/r
  redis-server --port 7301 --bind 127.0.0.1 --dir $D/p --appendonly yes --appendfsync always --save '' --daemonize yes --logfile $D/p.log
  redis-server --port 7302 --bind 127.0.0.1 --dir $D/r --appendonly yes --appendfsync always --save '' --replicaof 127.0.0.1 7301 --daemonize yes --logfile $D/r.log
  for i in $(seq 50); do redis-cli -p 7301 info replication | grep -q 'connected_slaves:1' && break; sleep 0.2; done
  redis-cli -p 7301 info replication | grep connected_slaves
}
for w in 0 1; do
  start
  echo "=== waitReplicas=$w $(date +%T)"
  EMTIHAN_STORE_REDIS_URL=redis://127.0.0.1:7301 EMTIHAN_STORE_WAIT_REPLICAS=$w \
    ./mvnw -q -o -pl engine -am -Pbench -DskipTests verify -Dbench.students=3000 > $D/bench-w$w-$(date +%H%M).log 2>&1
  echo "exit $?"
done
pkill -f 'redis-server 127.0.0.1:730'

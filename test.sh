#!/usr/bin/env bash
# The README's test command: installs what the tests need and is missing, then runs the whole suite.
# On a fresh Debian machine with a JDK 17, Node and apt this is all it takes; `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")"

# Browser tests drive Debian's Chromium through Debian's chromedriver (Selenium downloads nothing); the
# proctoring browser test checks the recorded WebM files with ffprobe (Debian's ffmpeg); the engine prefers
# Debian's maintained redis-server 7 to the Redis 6.2 shipped in embedded-redis (README, "Production"), so the
# suite runs on the Redis production should run (EmbeddedRedisTest still starts the shipped one).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# issue 14 (6): the rolling-restart test puts three engine nodes behind Debian's HAProxy
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
if ((${#missing[@]})); then
  echo "test.sh: installing ${missing[*]} with apt"
  sudo=()
  if [ "$(id -u)" != 0 ]; then sudo=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# what this run uses (no pipes into head: with pipefail an early-closed pipe would fail the run)
java -version
node --version
chromium --version
ffprobe -version
redis-server --version
"$(command -v haproxy || echo /usr/sbin/haproxy)" -v

# The Maven wrapper brings the Maven the build is written for (3.9.16, from Maven Central); the enforcer
# plugin checks the Java. `verify` runs the unit, Node, engine and browser tests and both format checks.
./mvnw -B verify "$@"

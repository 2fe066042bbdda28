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
# issue 17 (1): what building and running the real Kurento Media Server takes (Debian 12's GStreamer 1.22, libnice...)
mapfile -t -O "${#missing[@]}" missing < <(tools/kms.sh missing)
if ((${#missing[@]})); then
  echo "test.sh: installing ${missing[*]} with apt"
  sudo=()
  if [ "$(id -u)" != 0 ]; then sudo=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
fi

# what this run uses (no pipes into head: with pipefail an early-closed pipe would fail the run)
java -version
node --version
chromium --version
ffprobe -version
redis-server --version
"$(command -v haproxy || echo /usr/sbin/haproxy)" -v

# Issue 17 (1): the real Kurento Media Server, built from ../shared/tools/kurento (a build fails the run), listening on
# ws://127.0.0.1:8888/kurento for the tests that go through it; stopped when this script exits, however it exits.
kms_from=$(date +%s)
tools/kms.sh build
trap 'tools/kms.sh stop' EXIT
tools/kms.sh start
echo "test.sh: KMS built and started in $(($(date +%s) - kms_from)) s"
export EMTIHAN_KMS_URL="$(tools/kms.sh url)" EMTIHAN_KMS_HOME="$PWD/target/kms"

# The Maven wrapper brings the Maven the build is written for (3.9.16, from Maven Central); the enforcer
# plugin checks the Java. `verify` runs the unit, Node, engine and browser tests and both format checks.
./mvnw -B verify "$@"

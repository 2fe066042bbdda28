#!/usr/bin/env bash
# Issue 17 (1): the real Kurento Media Server 7.1.0 for the tests, built from the sources in ../shared/tools/kurento
# (the shared recipe, not a copy of it) inside this checkout's build tree, target/kms.
#
#   tools/kms.sh build    # builds, or reuses target/kms when it was built from exactly these inputs (see below)
#   tools/kms.sh start    # starts it on ws://127.0.0.1:8888/kurento (loopback only), waits until it listens
#   tools/kms.sh stop     # stops the KMS this script started (its pid file), waits until it is gone
#   tools/kms.sh missing  # the Debian packages the build needs and this machine lacks; stamp: what a build is checked against
#
# Reuse: a build in target/kms is kept only when its stamp (sha256 of the sources tarball and of the recipe, the
# Debian versions of every package the build compiles and links against, the machine) equals what this checkout
# would build now; anything else (no stamp, a failed or partial build, a changed package) rebuilds from scratch.
# `mvn clean` removes it with the rest of target/.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="$(dirname "$repo")/shared/tools/kurento"
WORK="${KMS_WORK:-$repo/target/kms}"
PORT=8888
URL="ws://127.0.0.1:$PORT/kurento"

# What the recipe's `deps` step installs (test.sh installs the missing ones with apt, before calling this).
PACKAGES=(build-essential cmake pkg-config git ca-certificates default-jdk-headless maven
  libboost-dev libboost-test-dev libboost-filesystem-dev libboost-regex-dev libboost-system-dev
  libboost-thread-dev libboost-log-dev libboost-program-options-dev libjsoncpp-dev libglibmm-2.4-dev
  libsigc++-2.0-dev uuid-dev libssl-dev libevent-dev libwebsocketpp-dev libvpx-dev libgstreamer1.0-dev
  libgstreamer-plugins-base1.0-dev libgstreamer-plugins-bad1.0-dev gstreamer1.0-plugins-base
  gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-libav
  gstreamer1.0-nice gstreamer1.0-x libnice-dev libsoup-3.0-dev ffmpeg python3-websockets)

need_shared() {
  if [ ! -x "$shared/recipe.sh" ] || [ ! -f "$shared/kurento-7.1.0-server.tar.gz" ]; then
    echo "tools/kms.sh: the Kurento sources and recipe are missing: expected $shared/recipe.sh and" \
      "$shared/kurento-7.1.0-server.tar.gz (the repository must sit beside 'shared', e.g. /work/ci and /work/shared)" >&2
    exit 2
  fi
}

# The Debian packages missing from this machine (for test.sh's apt-get install).
missing() {
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}

stamp() {
  need_shared
  sha256sum "$shared/kurento-7.1.0-server.tar.gz" "$shared/recipe.sh" | awk '{print $1}'
  dpkg-query -W -f='${Package}=${Version}\n' "${PACKAGES[@]}" libgstreamer1.0-0 libnice10 gcc g++ 2>/dev/null | sort
  uname -m
}

build() {
  need_shared
  local want started
  want="$(stamp)"
  if [ -f "$WORK/stamp" ] && [ "$(cat "$WORK/stamp")" = "$want" ] \
    && [ -x "$WORK/build/media-server/server/kurento-media-server" ] && [ -x "$WORK/start-kms.sh" ]; then
    echo "tools/kms.sh: reusing $WORK (built from the same sources, recipe and Debian packages)"
    return
  fi
  echo "tools/kms.sh: building KMS 7.1.0 in $WORK (log: $WORK/build.log)"
  rm -rf "$WORK"
  mkdir -p "$WORK"
  started=$(date +%s)
  if ! WORK="$WORK" STEPS="src build config" bash "$shared/recipe.sh" >"$WORK/recipe.log" 2>&1; then
    echo "tools/kms.sh: the KMS build FAILED; last lines:" >&2
    tail -n 30 "$WORK/recipe.log" >&2
    [ -f "$WORK/build.log" ] && tail -n 30 "$WORK/build.log" >&2
    exit 1
  fi
  echo "$want" >"$WORK/stamp"
  echo "tools/kms.sh: built in $(($(date +%s) - started)) s"
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

start() {
  [ -x "$WORK/start-kms.sh" ] || { echo "tools/kms.sh: not built; run tools/kms.sh build" >&2; exit 1; }
  if listening; then
    echo "tools/kms.sh: port $PORT is already taken; stop what listens there first" >&2
    exit 1
  fi
  mkdir -p "$WORK/run/logs"
  local started
  started=$(date +%s%N)
  setsid "$WORK/start-kms.sh" >"$WORK/run/kms.stdout" 2>&1 </dev/null &
  echo $! >"$WORK/run/kms.pid"
  local deadline=$((SECONDS + 30))
  until listening; do
    if ! kill -0 "$(cat "$WORK/run/kms.pid")" 2>/dev/null || ((SECONDS > deadline)); then
      echo "tools/kms.sh: KMS did not start; last lines:" >&2
      tail -n 30 "$WORK/run/kms.stdout" >&2
      stop
      exit 1
    fi
    sleep 0.1 # polling the port, with the deadline above
  done
  echo "tools/kms.sh: KMS $URL (pid $(cat "$WORK/run/kms.pid")) listening after $((($(date +%s%N) - started) / 1000000)) ms"
}

stop() {
  local f="$WORK/run/kms.pid" pid
  [ -f "$f" ] || return 0
  pid="$(cat "$f")"
  rm -f "$f"
  kill "$pid" 2>/dev/null || return 0
  local deadline=$((SECONDS + 10))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS > deadline)); then
      kill -9 "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
  echo "tools/kms.sh: KMS (pid $pid) stopped"
}

case "${1:-}" in
build) build ;;
start) start ;;
stop) stop ;;
missing) missing ;;
url) echo "$URL" ;;
stamp) stamp ;;
*)
  echo "usage: tools/kms.sh build|start|stop|missing|url|stamp" >&2
  exit 2
  ;;
esac

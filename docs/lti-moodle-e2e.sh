#!/usr/bin/env bash
# Issue 16, "How to test it against the real thing": the whole end-to-end walk through a real Moodle 4.3, repeatable.
#   1. Moodle 4.3 up (the shared recipe, KEEP_RUNNING=1) unless it already answers on $MOODLE
#   2. Emtihan built and started as the LTI tool on port 8766 (the URL Moodle has registered), demo data
#   3. Moodle registered in Emtihan as a platform (POST /api/v1/lti/platforms, from the recipe's platform.json);
#      Moodle's tool registration pointed at the engine's JWKS path
#   4. a headless Chromium: student1 logs in to Moodle, opens the activity, launches into Emtihan, takes the exam,
#      submits (docs/lti-moodle-e2e.mjs STEP=student)
#   5. the grade is waited for in Moodle's gradebook table; the teacher's grader report is photographed
#   6. the exam's roster is synced from the course (POST /api/v1/exams/{exam}/lti/roster-sync)
#   7. everything this script started is stopped by PID (Moodle too, unless it was already running)
# usage: MIRROR=<bare git of Izizizzz/arsikom-moodle> bash docs/lti-moodle-e2e.sh     (from the repository root)
# env: BASE (/tmp/moodle), RECIPE (/work/shared/tools/moodle/recipe.sh), OUT (/tmp/lti-moodle-e2e),
#      DATA (/tmp/moodle-real-data), KEEP=1 leaves Moodle and the engine up
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=${BASE:-/tmp/moodle}
RECIPE=${RECIPE:-/work/shared/tools/moodle/recipe.sh}
OUT=${OUT:-/tmp/lti-moodle-e2e}
DATA=${DATA:-/tmp/moodle-real-data}
MOODLE=http://127.0.0.1:8765
TOOL=http://127.0.0.1:8766
ADMINPW=${EMTIHAN_ADMIN_PASSWORD:-e2e-Admin-pw-16}
PG="psql -h 127.0.0.1 -p 55432 -U moodle -d moodle -At"
T0=$(date +%s%N); lap() { local ms=$((($(date +%s%N) - T0) / 1000000)); printf '[%4d.%01ds] %s\n' $((ms / 1000)) $(((ms % 1000) / 100)) "$*"; }
mkdir -p "$OUT"
STARTED_MOODLE=0; ENGINE_PID=
cleanup() {
  [ "${KEEP:-0}" = 1 ] && { lap "KEEP=1: engine PID ${ENGINE_PID:-none} and Moodle left up"; return; }
  [ -n "$ENGINE_PID" ] && kill "$ENGINE_PID" 2>/dev/null && lap "engine $ENGINE_PID stopped"
  if [ "$STARTED_MOODLE" = 1 ]; then
    [ -f "$BASE/php.pid" ] && { P=$(cat "$BASE/php.pid"); kids=$(pgrep -P "$P" || true); kill "$P" $kids 2>/dev/null || true; }
    su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/pg_ctl -D $BASE/pgdata -m fast stop" >/dev/null || true
    lap "Moodle and its PostgreSQL stopped"
  fi
}
trap cleanup EXIT

# 1. Moodle
if ! curl -sf -o /dev/null "$MOODLE/login/index.php"; then
  : "${MIRROR:?set MIRROR to the bare git copy of Izizizzz/arsikom-moodle}"
  MIRROR=$MIRROR BASE=$BASE SMOKE=0 KEEP_RUNNING=1 bash "$RECIPE" | tee "$OUT/recipe.log"
  grep -o 'leaving php PIDs [0-9]*' "$OUT/recipe.log" | awk '{print $4}' > "$BASE/php.pid"
  STARTED_MOODLE=1
fi
lap "Moodle answers at $MOODLE"
P="$BASE/platform.json"
jq() { python3 -c "import json,sys; d=json.load(open('$P')); print($1)"; }
CMID=$(jq "d['cmid']"); COURSE=$(jq "d['course_id']"); DEPLOY=$(jq "d['deployment_id']")
# The recipe registers the tool's keys at /jwks.json; Emtihan publishes them at /lti/jwks.json (and /.well-known/jwks.json)
$PG -c "update mdl_lti_types_config set value='$TOOL/lti/jwks.json' where name='publickeyset' and value like '$TOOL/%'" >/dev/null
lap "Moodle reads the tool's keys from $TOOL/lti/jwks.json"

# 2. Emtihan as the tool
[ -f "$ROOT/engine/target/emtihan.jar" ] || (cd "$ROOT" && ./mvnw -B -q -o -DskipTests -Dspotless.check.skip=true package)
rm -rf "$DATA"; mkdir -p "$DATA"
(cd "$ROOT" && EMTIHAN_PORT=8766 EMTIHAN_DATA_DIR=$DATA EMTIHAN_ADMIN_PASSWORD=$ADMINPW \
  exec java -jar engine/target/emtihan.jar --demo) > "$OUT/engine.log" 2>&1 &
ENGINE_PID=$!
for i in $(seq 300); do curl -sf -o /dev/null "$TOOL/health/ready" && break; sleep 0.5; done
curl -sf -o /dev/null "$TOOL/health/ready" || { tail -20 "$OUT/engine.log"; exit 1; }
lap "Emtihan up at $TOOL (PID $ENGINE_PID)"

api() { # method path token [json]
  curl -s -X "$1" "$TOOL/api/v1$2" -H "Authorization: Bearer $3" ${4:+-H 'Content-Type: application/json' -d "$4"}
}
login() { curl -sf "$TOOL/api/v1/auth/login" -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
ADMIN=$(login admin "$ADMINPW")

# 3. the platform
BODY=$(python3 -c "import json; d=json.load(open('$P')); print(json.dumps({'name':'Moodle 4.3 (recipe)','issuer':d['issuer'],
  'clientId':d['client_id'],'deploymentIds':[d['deployment_id']],'authUrl':d['oidc_auth_url'],'tokenUrl':d['token_url'],'jwksUrl':d['jwks_url']}))")
api POST /lti/platforms "$ADMIN" "$BODY" | tee "$OUT/platform-registered.json"; echo
lap "Moodle registered in Emtihan"
# which exam the activity opens: see docs/lti-moodle.md (the teacher's first launch / deep linking binds it)
if [ -x "$ROOT/docs/lti-moodle-bind.sh" ]; then bash "$ROOT/docs/lti-moodle-bind.sh"; fi

# 4. the student, in a browser
(cd "$ROOT" && MOODLE=$MOODLE TOOL=$TOOL CMID=$CMID COURSE=$COURSE OUT=$OUT STEP=student \
  node --experimental-websocket docs/lti-moodle-e2e.mjs) | tee "$OUT/student.log"

# 5. the grade in Moodle's gradebook
for i in $(seq 120); do
  G=$($PG -c "select gg.finalgrade||' '||coalesce(gg.feedback,'') from mdl_grade_grades gg join mdl_grade_items gi on gi.id=gg.itemid
              join mdl_user u on u.id=gg.userid where gi.itemmodule='lti' and u.username='student1' and gg.finalgrade is not null")
  [ -n "$G" ] && break; sleep 1
done
lap "student1's grade in Moodle: ${G:-none after 120 s}"
(cd "$ROOT" && MOODLE=$MOODLE COURSE=$COURSE OUT=$OUT STEP=gradebook node --experimental-websocket docs/lti-moodle-e2e.mjs)

# 6. the roster from the course
EXAM=$(cat "$OUT/exam-id" 2>/dev/null || true)
if [ -n "$EXAM" ]; then
  api POST "/exams/$EXAM/lti/roster-sync" "$ADMIN" '{}' | tee "$OUT/roster-sync.json"; echo
  api GET "/exams/$EXAM/lti/grades" "$ADMIN" | tee "$OUT/lti-grades.json"; echo
  lap "roster synced from the course"
fi
lap "done; shots and logs in $OUT"

#!/usr/bin/env bash
# Issue 16, "How to test it against the real thing": the whole end-to-end walk through a real Moodle 4.3, repeatable.
#   1. Moodle 4.3 up (the shared recipe, KEEP_RUNNING=1) unless it already answers on $MOODLE
#   2. Emtihan built and started as the LTI tool on port 8766 (the URL Moodle has registered), demo data
#   3. Moodle registered in Emtihan as a platform (POST /api/v1/lti/platforms, from the recipe's platform.json);
#      Moodle's tool registration pointed at the engine's JWKS path
#   4. headless Chromium (docs/lti-moodle-e2e.mjs): teacher1 logs in to Moodle and opens the activity; Emtihan has no
#      exam for it, so the teacher schedules one and chooses it on the pick page (STEP=teacher)
#   5. the exam's roster is synced from the course (POST /api/v1/exams/{exam}/lti/roster-sync, NRPS)
#   6. student1 logs in to Moodle, opens the activity, lands on the exam's rules, takes the exam, submits (STEP=student)
#   7. the grade is waited for in Moodle's gradebook table (AGS); the teacher's grader report is photographed
#   8. Deep Linking: teacher1 selects an Emtihan exam from Moodle's content selection; Moodle takes the signed answer
#   9. Deep Linking saved through Moodle's own form: teacher1 adds an "External tool" activity, "Select content" opens
#      Emtihan's pick page in Moodle's dialogue, the exam picked fills Moodle's form, saved;
#      the teacher opens it once (link bound), the roster is synced, student1 opens it, lands on the picked exam's rules,
#      takes it; the grade lands in THAT activity's gradebook column (STEP=dlform, dlstudent)
#  10. Dynamic Registration: Moodle's admin adds Emtihan through a one-use address (Moodle's startltiadvregistration),
#      activates the pending tool type (Manage tools), teacher1 adds an activity with it (deep linking through the new
#      client); the type's default container is "Embed, without blocks", so student2 opening it sees Emtihan's rules
#      inside Moodle's page, takes the exam in the iframe, the grade lands in that column (STEP=register, activate, dynstudent)
#  11. the grader report photographed with every column; everything this script started is stopped by PID
#  12. an oral sitting (docs/lti-moodle-sitting.sh): made through the API with student1 and teacher1 as its chair,
#      picked in Moodle's form, student1 lands on its student page, taken to the chair's confirmation; the score and
#      letter land in its column; an appeal changes it and the new grade lands too (SITTING=0 skips it,
#      SITTING_ONLY=1 runs 1-7 and 12 only)
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
  if [ -n "$ENGINE_PID" ]; then
    kill "$ENGINE_PID" 2>/dev/null || true
    for i in $(seq 60); do kill -0 "$ENGINE_PID" 2>/dev/null || break; sleep 0.5; done
    lap "engine $ENGINE_PID stopped"
  fi
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
cd "$ROOT"
EMTIHAN_PORT=8766 EMTIHAN_DATA_DIR=$DATA EMTIHAN_ADMIN_PASSWORD=$ADMINPW java -jar engine/target/emtihan.jar --demo > "$OUT/engine.log" 2>&1 &
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

# 4. the teacher opens the activity from Moodle: no exam yet, so Emtihan offers theirs; they schedule one and choose it
node_step() { lap "STEP=$1"; EXPECT_LANG=${EXPECT_LANG:-} MOODLE=$MOODLE TOOL=$TOOL CMID=$CMID COURSE=$COURSE OUT=$OUT EMTIHAN_ADMIN_PASSWORD=$ADMINPW STEP=$1 \
  node --experimental-websocket "$ROOT/docs/lti-moodle-e2e.mjs" | tee -a "$OUT/browser.log"; }
node_step teacher
EXAM=$(cat "$OUT/exam-id")
TEACHER=$(python3 -c "import json; print(json.load(open('$OUT/teacher.json'))['token'])")
lap "the activity opens exam $EXAM"

# 5. the roster from the course (NRPS), as the teacher would click it
api POST "/exams/$EXAM/lti/roster-sync" "$TEACHER" '{}' | tee "$OUT/roster-sync.json"; echo
lap "roster synced from the course"

# 6. the student, in a browser: Moodle -> activity -> Emtihan rules -> exam -> submit
SUBMITTED_AFTER=$(date +%s)
node_step student

# 7. the grade: Emtihan's queue says sent (or failed, with Moodle's answer), then Moodle's gradebook table must hold it
#    (Moodle writes no new row when a re-run sends the same grade again, so the value is compared, not the time)
for i in $(seq 180); do
  api GET "/exams/$EXAM/lti/grades" "$TEACHER" > "$OUT/lti-grades.json"
  STATE=$(python3 -c "import json; g=json.load(open('$OUT/lti-grades.json'))['grades']; print(g[0]['state'] if g else '')")
  [ "$STATE" = sent ] || [ "$STATE" = failed ] && break; sleep 1
done
cat "$OUT/lti-grades.json"; echo
WANT=$(python3 -c "import json; g=json.load(open('$OUT/lti-grades.json'))['grades'][0]; print('%.2f' % (100*g['scoreGiven']/g['scoreMaximum']))")
G=$($PG -c "select round(gg.finalgrade,2)||' '||coalesce(gg.feedback,'') from mdl_grade_grades gg join mdl_grade_items gi on gi.id=gg.itemid
            join mdl_user u on u.id=gg.userid where gi.itemmodule='lti' and u.username='student1'
            and gi.iteminstance=(select instance from mdl_course_modules where id=$CMID)")
lap "Emtihan: $STATE after ${i}s; Moodle's gradebook holds '$G' for student1 (expected $WANT)"
[ "${G%% *}" = "$WANT" ] || { lap "MISMATCH: the grade did not arrive in Moodle"; FAILED=1; }

if [ "${SITTING_ONLY:-0}" != 1 ]; then
# 8. Deep Linking: the teacher selects an Emtihan exam from Moodle; Moodle turns the signed answer into activity settings
node_step deeplink

# 9. Deep Linking saved through Moodle's form; the grade goes to the new activity's own column
field() { python3 -c "import json; print(json.load(open('$OUT/$1'))['$2'])"; }
grade_in_moodle() { # activity.json user label: Emtihan's queue says sent, and Moodle's column of THAT activity holds it
  local exam lti tok st g want
  exam=$(field "$1" examId); lti=$(field "$1" ltiId); tok=$(field "$1" teacherToken)
  for i in $(seq 180); do
    api GET "/exams/$exam/lti/grades" "$tok" > "$OUT/${1%.json}-grades.json"
    st=$(python3 -c "import json; g=json.load(open('$OUT/${1%.json}-grades.json'))['grades']; print(g[0]['state'] if g else '')")
    [ "$st" = sent ] || [ "$st" = failed ] && break; sleep 1
  done
  cat "$OUT/${1%.json}-grades.json"; echo
  want=$(python3 -c "import json; g=json.load(open('$OUT/${1%.json}-grades.json'))['grades'][0]; print('%.2f' % (100*g['scoreGiven']/g['scoreMaximum']))")
  g=$($PG -c "select round(gg.finalgrade,2)||' '||coalesce(gg.feedback,'') from mdl_grade_grades gg join mdl_grade_items gi on gi.id=gg.itemid
              join mdl_user u on u.id=gg.userid where gi.itemmodule='lti' and gi.iteminstance=$lti and u.username='$2'")
  lap "Emtihan: $st; $3 (lti $lti) holds '$g' for $2 (expected $want)"
  [ "${g%% *}" = "$want" ] || { lap "MISMATCH: the grade did not arrive in $3"; FAILED=1; }
}
roster() { api GET "/exams/$1" "$2" | python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin).get("roster", [])))'; }
node_step dlform
DLEXAM=$(field dl-activity.json examId); DLLTI=$(field dl-activity.json ltiId)
# no roster sync this time: student1 is put on the roster by the launch itself (wt-lti-launch, issue 16 (1))
lap "deep-linked activity $(field dl-activity.json cmid) (lti $DLLTI) opens exam $DLEXAM; its roster before any launch: [$(roster "$DLEXAM" "$(field dl-activity.json teacherToken)")]"
node_step dlstudent
R=$(roster "$DLEXAM" "$(field dl-activity.json teacherToken)"); S=$(field dl-student.json user | python3 -c 'import ast,sys; print(ast.literal_eval(sys.stdin.read())["id"])')
lap "its roster after student1's launch: [$R]"
case " $R " in *" $S "*) lap "student1 ($S) was put on the roster by the launch";; *) lap "MISMATCH: student1 ($S) is not on the roster"; FAILED=1;; esac
grade_in_moodle dl-activity.json student1 "the deep-linked activity's column"

# 10. LTI Dynamic Registration to the end: registered, activated in Moodle, an activity made with it, a student launches
node_step register
node_step activate
api POST "/exams/$(field dyn-activity.json examId)/lti/roster-sync" "$(field dyn-activity.json teacherToken)" '{}' | tee "$OUT/dyn-roster-sync.json"; echo
# a Moodle user whose language is Russian: Moodle 4.3's tree has only "en" (the mirror holds no language packs and
# there is no network), so the walk gives Moodle a stub "ru" pack (its langconfig only: Moodle then knows the code
# and sends it as the launch's locale; its own words stay English) and sets student2's language to it
mkdir -p "$BASE/data/lang/ru"
printf '%s\n' '<?php' "\$string['thislanguage'] = 'Русский';" "\$string['parentlanguage'] = '';" "\$string['locale'] = 'ru_RU.UTF-8';" > "$BASE/data/lang/ru/langconfig.php"
chown -R --reference="$BASE/data" "$BASE/data/lang" 2>/dev/null || true
(cd "$BASE/moodle" && php admin/cli/purge_caches.php)
$PG -c "update mdl_user set lang='ru' where username='student2'" >/dev/null
lap "student2's Moodle language: $($PG -c "select lang from mdl_user where username='student2'")"
EXPECT_LANG=ru node_step dynstudent
grade_in_moodle dyn-activity.json student2 "the dynamically registered tool's activity column"
$PG -c "select id, name, state, clientid from mdl_lti_types order by id" | tee "$OUT/moodle-tool-types.txt"

fi

# 12. issue 16 (3) for an oral sitting (STEP=sitting; SITTING_ONLY=1 skips steps 8-10): see docs/lti-moodle-sitting.sh
[ "${SITTING:-1}" = 1 ] && . "$ROOT/docs/lti-moodle-sitting.sh"

# 11. the teacher's grader report, every column
[ "${SITTING_ONLY:-0}" = 1 ] || node_step gradebook
lap "done; shots and logs in $OUT"
exit "${FAILED:-0}"

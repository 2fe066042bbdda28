# Issue 16 (3) for an oral sitting, against the real Moodle 4.3: step 12 of docs/lti-moodle-e2e.sh (sourced by it,
# after student1's and teacher1's launches made their Emtihan accounts; uses its api, login, field, lap, node_step, PG).
#   a. as the demo's staff (Emtihan's admin): the commission's other people (two members, the technical secretary, the
#      appeal commission) get accounts; teacher1's Emtihan account (made by their launch) gets the "commission" role;
#      an oral sitting today is made with teacher1 as its CHAIR and student1's Emtihan account as its student; the
#      secretary sets its tickets
#   b. in Moodle: teacher1 adds an External tool activity, "Select content", picks THE SITTING on Emtihan's pick page,
#      saves Moodle's form, opens the activity once (Emtihan's sitting page) (STEP=sitform)
#   c. student1 opens the activity and lands on Emtihan's student sitting page of that sitting (STEP=sitstudent)
#   d. 6.15.6 through the API, as SittingGradesBackTest: admission, identity and room checks with photos (secretary),
#      the draw (chair), preparation and answer (secretary), three scores (two members and the chair), the chair's
#      confirmation; the walk waits for Emtihan's queue to say sent and for Moodle's grade_grades of THAT activity's
#      grade item to hold the score (scaled to the item's maximum) with the letter as feedback
#   e. the secretary closes the sitting, student1 appeals, the appeal commission meets and changes the grade to A-;
#      the new score and letter land in the same column
#   f. the grader report photographed (lti-moodle-sitting-gradebook.png)
FACE="$ROOT/engine/src/test/resources/fixtures/faces/face_grace_hopper.jpg"
SIT_TITLE=${SIT_TITLE:-"Mathematics 1 — oral examination (Moodle)"}
field() { python3 -c "import json; print(json.load(open('$OUT/$1'))['$2'])"; }
pyjson() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
must() { # what label status-expected method path token [json]: fails the walk on another status
  local code
  code=$(curl -s -o "$OUT/sit-last.json" -w '%{http_code}' -X "$3" "$TOOL/api/v1$4" -H "Authorization: Bearer $5" \
    ${6:+-H 'Content-Type: application/json' -d "$6"})
  [ "$code" = "$2" ] || { lap "MISMATCH: $1 answered $code: $(head -c 400 "$OUT/sit-last.json")"; exit 1; }
}
SIT_T0=$(date +%s%N)
TEACHER_ID=$(python3 -c "import json; print(json.load(open('$OUT/teacher.json'))['user']['id'])")
STUDENT_ID=$(python3 -c "import json; print(json.load(open('$OUT/student.json'))['id'])")
P1=sit-m1-$$; P2=sit-m2-$$; SEC=sit-sec-$$; AC=sit-ac-$$; AD=sit-ad-$$
pw() { echo "$1-password"; }

# a. the people, the chair's role, the sitting, its tickets
PEOPLE=$(python3 -c "import json; print(json.dumps([{'id':i,'name':n,'roles':[r],'password':i+'-password'} for i,n,r in
  [('$P1','Member One','commission'),('$P2','Member Two','commission'),('$SEC','Technical Secretary','secretary'),
   ('$AC','Appeal Chair','commission'),('$AD','Appeal Deputy','commission')]]))")
must "the commission's accounts" 200 POST /users "$ADMIN" "$PEOPLE"
ROLES=$(api GET /users "$ADMIN" | pyjson "json.dumps([{'id':u['id'],'name':u['name'],'roles':sorted(set(u['roles'])|{'commission'})} for u in d if u['id']=='$TEACHER_ID'])")
must "teacher1's account as a commission member" 200 POST /users "$ADMIN" "$ROLES"
lap "teacher1's Emtihan account $TEACHER_ID: $(api GET /users "$ADMIN" | pyjson "[u['roles'] for u in d if u['id']=='$TEACHER_ID'][0]")"
TODAY=$(TZ=Asia/Almaty date +%F) # the sittings' zone (finalAttestation.timeZone): the steps are taken on its day only
BODY=$(python3 -c "import json; print(json.dumps({'kind':'comprehensive-exam','title':'$SIT_TITLE','date':'$TODAY','language':'en',
  'commission':{'chair':'$TEACHER_ID','members':['$P1','$P2'],'secretary':'$SEC'},
  'appealCommission':{'chair':'$AC','deputy':'$AD','members':[]},'students':['$STUDENT_ID']}))")
must "the sitting" 201 POST /sittings "$ADMIN" "$BODY"
SITTING=$(pyjson "d['id']" < "$OUT/sit-last.json")
SECT=$(login "$SEC" "$(pw "$SEC")")
must "the tickets" 200 PUT "/sittings/$SITTING/tickets" "$SECT" \
  "$(python3 -c "import json; print(json.dumps([{'number':n,'questions':['Question %d' % n]} for n in range(1,6)]))")"
echo "$SITTING" > "$OUT/sitting-id"
lap "sitting $SITTING ($TODAY): chair teacher1 ($TEACHER_ID), student student1 ($STUDENT_ID), tickets set"

# b. teacher1 picks it in Moodle's form; c. student1 opens it
SIT_TITLE=$SIT_TITLE node_step sitform
[ "$(field sit-activity.json sittingId)" = "$SITTING" ] || { lap "MISMATCH: the activity opened $(field sit-activity.json sittingId), not $SITTING"; exit 1; }
SITLTI=$(field sit-activity.json ltiId)
lap "activity $(field sit-activity.json cmid) (lti $SITLTI) opens sitting $SITTING for teacher1 on $(field sit-activity.json page)"
node_step sitstudent
lap "student1 landed on $(field sit-student.json url) (\"$(field sit-student.json heading)\")"
CHAIRT=$(field sit-activity.json teacherToken); STUT=$(field sit-student.json token)

# d. 6.15.6: admission to the chair's confirmation
S="/sittings/$SITTING/students/$STUDENT_ID"
photo() { local code; code=$(curl -s -o "$OUT/sit-last.json" -w '%{http_code}' -X PUT "$TOOL/api/v1$S/photos/$1" \
  -H "Authorization: Bearer $SECT" -H 'Content-Type: image/jpeg' --data-binary "@$FACE")
  [ "$code" = 200 ] || { lap "MISMATCH: photo $1 answered $code: $(cat "$OUT/sit-last.json")"; exit 1; }; }
must "admission" 200 POST "$S/admit" "$SECT"
photo id-card; photo identity
must "identity" 200 POST "$S/identity" "$SECT" '{"confirmed":true}'
photo room
must "room check" 200 POST "$S/room" "$SECT" '{"checklist":{"desk-clear":true,"room-alone":true,"no-devices":true,"camera-shows-room":true}}'
must "the draw" 200 POST "$S/draw" "$CHAIRT" '{"word":"almaty"}'
must "preparation starts" 200 POST "$S/phase" "$SECT" '{"action":"start-preparation"}'
must "preparation ends" 200 POST "$S/phase" "$SECT" '{"action":"end-preparation"}'
must "the answer ends" 200 POST "$S/phase" "$SECT" '{"action":"end-answer","reason":"the answer is complete"}'
must "member 1's score" 200 PUT "$S/score" "$(login "$P1" "$(pw "$P1")")" '{"points":80}'
must "member 2's score" 200 PUT "$S/score" "$(login "$P2" "$(pw "$P2")")" '{"points":85}'
must "the chair's score" 200 PUT "$S/score" "$CHAIRT" '{"points":90}'
must "the chair's confirmation" 200 POST "$S/confirm" "$CHAIRT"
cp "$OUT/sit-last.json" "$OUT/sit-confirmed.json"
CONFIRMED_AT=$(date +%s%N)
lap "confirmed by the chair (teacher1): $(pyjson "d.get('result')" < "$OUT/sit-confirmed.json")"

sitting_grade_in_moodle() { # label: Emtihan's queue says sent for student1, then THAT activity's column holds score and letter
  local st want letter g
  for i in $(seq 180); do
    api GET "/sittings/$SITTING/lti/grades" "$CHAIRT" > "$OUT/sit-grades.json"
    st=$(pyjson "([g for g in d['grades'] if g['studentId']=='$STUDENT_ID'] or [{}])[0].get('state','')" < "$OUT/sit-grades.json")
    [ "$st" = sent ] || [ "$st" = failed ] && break; sleep 0.5
  done
  cat "$OUT/sit-grades.json"; echo
  read -r want letter < <(pyjson "(lambda g: '%s %s' % (g['scoreGiven']/g['scoreMaximum'], g['letter']))([g for g in d['grades'] if g['studentId']=='$STUDENT_ID'][0])" < "$OUT/sit-grades.json")
  for i in $(seq 60); do # Moodle wrote it when the Score was accepted; the poll only covers a slow PHP worker
    g=$($PG -F ' ' -c "select round(gg.finalgrade,2), round(gi.grademax,2), coalesce(gg.feedback,'') from mdl_grade_grades gg
        join mdl_grade_items gi on gi.id=gg.itemid join mdl_user u on u.id=gg.userid
        where gi.itemmodule='lti' and gi.iteminstance=$SITLTI and u.username='student1'")
    read -r fg gmax fb <<< "$g"
    [ -n "$fg" ] && [ "$fb" = "$letter" ] && break; sleep 0.5
  done
  local expect; expect=$(python3 -c "print('%.2f' % (float('${gmax:-0}') * $want))")
  lap "$1: Emtihan $st after $(( ($(date +%s%N) - $2) / 1000000 )) ms; Moodle's column (lti $SITLTI, max $gmax) holds $fg '$fb' for student1 (expected $expect '$letter')"
  [ "$fg" = "$expect" ] && [ "$fb" = "$letter" ] || { lap "MISMATCH: $1 did not arrive in Moodle"; FAILED=1; }
  # what Moodle keeps (its output only), for the fixture: the grade row of that item and Emtihan's queue entry
  $PG -c "select row_to_json(r) from (select u.username, gg.itemid, round(gg.finalgrade,5) as finalgrade, round(gg.rawgrade,5) as rawgrade,
      round(gg.rawgrademax,5) as rawgrademax, gg.feedback, gg.feedbackformat, gi.grademax, gi.iteminstance, gi.itemmodule
      from mdl_grade_grades gg join mdl_grade_items gi on gi.id=gg.itemid join mdl_user u on u.id=gg.userid
      where gi.itemmodule='lti' and gi.iteminstance=$SITLTI and u.username='student1') r" > "$OUT/sit-moodle-$3.json"
  cp "$OUT/sit-grades.json" "$OUT/sit-grades-$3.json"
}
sitting_grade_in_moodle "the chair's confirmation" "$CONFIRMED_AT" confirmed

# e. the appeal that changes the grade (6.15.4-6.15.5)
must "the secretary closes the sitting" 200 POST "/sittings/$SITTING/close" "$SECT"
must "student1's appeal" 201 POST "/sittings/$SITTING/appeals" "$STUT" '{"reason":"the second question"}'
APPEAL=$(pyjson "d['id']" < "$OUT/sit-last.json")
must "the appeal meeting" 200 POST "/sittings/$SITTING/appeals/$APPEAL/meeting" "$(login "$AD" "$(pw "$AD")")"
must "the appeal decision" 200 POST "/sittings/$SITTING/appeals/$APPEAL/decision" "$(login "$AC" "$(pw "$AC")")" '{"decision":"changed","letter":"A-"}'
DECIDED_AT=$(date +%s%N)
lap "appeal $APPEAL decided: changed to A-"
sitting_grade_in_moodle "the appeal's decision" "$DECIDED_AT" appeal
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
j = lambda f: json.load(open(f"{out}/{f}"))
json.dump({
    "note": "Moodle 4.3, issue 16 (3) for an oral sitting (docs/lti-moodle-sitting.sh): teacher1 (the sitting's chair) saved an External tool activity from Emtihan's deep-linking answer naming a SITTING; student1 opened it; the chair's confirmation and then an appeal's decision were sent as AGS Scores; Moodle's grade row after each",
    "form_save": j("fixture-sit-form-save.json"),
    "teacher_launch": j("fixture-sit-teacher-launch.json"),
    "student_launch": j("fixture-sit-student-launch.json"),
    "grades": [dict(moment=m, emtihan=[g for g in j(f"sit-grades-{m}.json")["grades"]][0], moodle_grade_grades=j(f"sit-moodle-{m}.json"))
               for m in ("confirmed", "appeal")],
}, open(f"{out}/fixture-sitting-activity.json", "w"), indent=2, ensure_ascii=False)
PY
lap "the sitting's part took $(( ($(date +%s%N) - SIT_T0) / 1000000000 )) s"

# f. the grader report with the sitting's column
SHOW_COLUMN=$SIT_TITLE GRADEBOOK_SHOT=lti-moodle-sitting-gradebook node_step gradebook

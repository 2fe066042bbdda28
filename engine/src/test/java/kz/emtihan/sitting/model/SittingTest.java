package kz.emtihan.sitting.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Language;
import kz.emtihan.text.Text;
import org.junit.jupiter.api.Test;

/** The sitting aggregate's pure transitions (6.15-6.15.6): the next sitting, or a declared refusal and no change. */
class SittingTest {
    static final PhaseLimits LIMITS = PhaseLimits.ofMinutes(20, 10, 15);
    static final Instant T0 = Instant.parse("2026-06-10T09:00:00Z");
    static final byte[] SEED = new byte[32];
    static final StudentRecord.Photo PHOTO = new StudentRecord.Photo(T0, "sec", "image/jpeg", 1000, "00");
    static final Parts PARTS =
            new Parts("sec", "chair", List.of("chair", "m1", "m2"), "ac", "ad", List.of("am"), List.of("st1", "st2"));

    static Sitting fresh() {
        return new Sitting(
                "s-1",
                PARTS,
                List.of(new Ticket(1, List.of("q1")), new Ticket(2, List.of("q2")), new Ticket(3, List.of("q3"))),
                List.of(),
                false,
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                Map.of(),
                LIMITS);
    }

    /** The secretary's photos as SittingPhotos records them beside the aggregate. */
    static Sitting photographed(Sitting s, String student) {
        StudentRecord r = s.records().getOrDefault(student, StudentRecord.waiting());
        Map<String, StudentRecord> records = new HashMap<>(s.records());
        records.put(
                student,
                new StudentRecord(
                        r.status(),
                        r.admittedAt(),
                        r.identity(),
                        r.room(),
                        r.ticket(),
                        r.clock(),
                        r.scores(),
                        r.confirmedBy(),
                        r.result(),
                        r.publishedAt(),
                        Map.of("id-card", PHOTO, "identity", PHOTO, "room", PHOTO),
                        r.incompleteUntil(),
                        r.updatedAt()));
        return new Sitting(
                s.id(),
                s.parts(),
                s.tickets(),
                s.draws(),
                s.withReplacement(),
                s.endedAt(),
                s.postponements(),
                s.appeals(),
                s.acts(),
                s.recordings(),
                records,
                s.unreadable(),
                s.limits());
    }

    /** st1 with the ticket drawn: admitted, identified, checked (6.15.6). */
    static Sitting drawn() {
        Sitting s = photographed(fresh(), "st1").admit("st1", T0);
        s = s.identify("st1", "sec", true, "", T0.plusSeconds(60));
        s = s.checkRoom("st1", "sec", Set.copyOf(Sitting.ROOM_CHECKLIST), T0.plusSeconds(120));
        return s.draw("st1", SEED, "apple", T0.plusSeconds(180));
    }

    static Refusal refused(UnaryOperator<Sitting> step, Sitting s) {
        return assertThrows(Refusal.class, () -> step.apply(s));
    }

    @Test
    void theMainLineOf6156RunsInOrderAndSaysWhatComesNext() {
        Sitting s = photographed(fresh(), "st1");
        List<String> next = new ArrayList<>();
        next.add(s.next("st1", T0));
        s = s.admit("st1", T0);
        next.add(s.next("st1", T0));
        s = s.identify("st1", "sec", true, "looks alike", T0.plusSeconds(60));
        next.add(s.next("st1", T0));
        s = s.checkRoom("st1", "sec", Set.copyOf(Sitting.ROOM_CHECKLIST), T0.plusSeconds(120));
        next.add(s.next("st1", T0));
        s = s.draw("st1", SEED, "apple", T0.plusSeconds(180));
        next.add(s.next("st1", T0));
        Instant prep = T0.plusSeconds(240);
        s = s.startPreparation("st1", prep);
        next.add(s.next("st1", prep));
        Instant answer = prep.plus(Duration.ofMinutes(5));
        s = s.endPreparation("st1", answer);
        next.add(s.next("st1", answer));
        Instant done = answer.plus(Duration.ofMinutes(11));
        s = s.endAnswer("st1", "", done);
        next.add(s.next("st1", done));
        s = s.score("st1", "m1", 80, 100, done).score("st1", "m2", 90, 100, done);
        next.add(s.next("st1", done));
        s = s.score("st1", "chair", 85, 100, done);
        next.add(s.next("st1", done));
        s = s.confirm("st1", "chair", Aggregation.MEAN, kz.emtihan.sitting.model.CommissionScoresTest.SCALE, 100, done);
        next.add(s.next("st1", done));
        assertEquals(
                List.of(
                        "admit",
                        "identity",
                        "room",
                        "draw",
                        "start-preparation",
                        "end-preparation",
                        "end-answer",
                        "score",
                        "score",
                        "confirm",
                        "done"),
                next);
        StudentRecord r = s.records().get("st1");
        assertEquals(StudentState.GRADED, s.stateOf("st1", done));
        assertEquals(85.0, r.result().orElseThrow().points(), "6.15.6: the mean of 80, 90 and 85");
        assertEquals(Optional.of(done), r.publishedAt(), "published the moment the chair confirms");
        assertEquals(Optional.of("chair"), r.confirmedBy());
        assertEquals(Optional.of(T0), r.admittedAt());
        assertEquals("looks alike", r.identity().orElseThrow().note());
    }

    @Test
    void aStepOutOfOrderIsRefusedNamingTheStepAndTheStateInWords() { // issue 10's case: a score right after the draw
        Sitting s = drawn();
        Refusal r = refused(x -> x.score("st1", "m1", 50, 100, T0.plusSeconds(200)), s);
        assertEquals(SittingRefusal.WRONG_ORDER, r.code());
        assertEquals(SittingWords.step(StudentStep.SCORE), r.args().get("step"));
        assertEquals(SittingWords.state(StudentState.DRAWN), r.args().get("state"));
        assertEquals(SittingWords.rule("score-after-answer"), r.args().get("rule"));
        assertEquals(
                "Not now: \"score the answer\" cannot be taken while the student is holding a drawn ticket."
                        + " A student is scored after the answer.",
                r.message(Language.EN));
        assertTrue(r.message(Language.RU).contains("оценить ответ"), r.message(Language.RU));
        assertTrue(r.message(Language.KK).contains("жауапты бағалау"), r.message(Language.KK));
    }

    @Test
    void theChecksNeedTheirPhotosAndEveryItemConfirmed() { // 6.15.6
        Sitting admitted = fresh().admit("st1", T0);
        Refusal noPhoto = refused(x -> x.identify("st1", "sec", true, "", T0), admitted);
        assertEquals(SittingRefusal.PHOTO_MISSING, noPhoto.code());
        assertEquals("id-card", noPhoto.args().get("kind"));
        Sitting withPhotos = photographed(admitted, "st1");
        assertEquals(
                SittingRefusal.NOT_CONFIRMED,
                refused(x -> x.identify("st1", "sec", false, "", T0), withPhotos)
                        .code());
        Sitting identified = withPhotos.identify("st1", "sec", true, "", T0);
        Refusal partial = refused(x -> x.checkRoom("st1", "sec", Set.of("desk-clear", "room-alone"), T0), identified);
        assertEquals(SittingRefusal.CHECKLIST, partial.code());
        assertEquals("no-devices", partial.args().get("item"), "the first item not confirmed");
    }

    @Test
    void aStudentSendsOnlyTheirOwnIdCardAndAChecksPhotosStayOnceItIsConfirmed() { // 6.15.6
        StudentRecord.Photo own = new StudentRecord.Photo(T0, "st1", "image/png", 10, "aa");
        Sitting s = fresh().photograph("st1", "id-card", own, SittingRole.STUDENT, T0);
        assertEquals(own, s.records().get("st1").photos().get("id-card"));
        assertEquals(StudentState.WAITING, s.stateOf("st1", T0), "a photo moves nobody on");
        Refusal room = refused(x -> x.photograph("st1", "room", own, SittingRole.STUDENT, T0), s);
        assertEquals(CommonRefusal.FORBIDDEN, room.code());
        StudentRecord.Photo other = new StudentRecord.Photo(T0, "st2", "image/png", 10, "aa");
        assertEquals(
                CommonRefusal.FORBIDDEN,
                refused(x -> x.photograph("st1", "id-card", other, SittingRole.STUDENT, T0), s)
                        .code());
        Sitting identified = photographed(s, "st1").admit("st1", T0).identify("st1", "sec", true, "", T0);
        Refusal again = refused(x -> x.photograph("st1", "identity", PHOTO, SittingRole.SECRETARY, T0), identified);
        assertEquals(SittingRefusal.ALREADY, again.code());
        assertEquals(SittingWords.rule("identity-photos-kept"), again.args().get("rule"));
    }

    @Test
    void aPostponementIsAppliedForOnceAtATimeAndTheChairsAllowanceGivesI() { // 6.15.2-6.15.3
        Sitting applied = fresh().applyToPostpone("st2", "ill", "application/pdf", T0);
        Postponement p = applied.postponements().get(0);
        assertEquals("pp-1", p.id());
        assertEquals("chair", p.to(), "the application goes to the chair");
        assertTrue(p.awaiting());
        Refusal twice = refused(x -> x.applyToPostpone("st2", "again", "image/png", T0), applied);
        assertEquals(SittingRefusal.ALREADY, twice.code());
        assertEquals(SittingWords.rule("application-awaiting"), twice.args().get("rule"));
        Sitting refusedOnce = applied.decidePostponement("pp-1", false, "no proof", "chair", T0, T0.plusSeconds(60));
        assertEquals(Optional.of(false), refusedOnce.postponements().get(0).allowed());
        assertTrue(refusedOnce.records().get("st2").incompleteUntil().isEmpty(), "a refusal changes nothing else");
        Sitting again = refusedOnce.applyToPostpone("st2", "ill, with proof", "image/png", T0.plusSeconds(120));
        Instant until = Instant.parse("2026-07-10T18:59:59Z");
        Sitting allowed = again.decidePostponement("pp-2", true, "", "chair", until, T0.plusSeconds(180));
        assertEquals(StudentState.POSTPONED, allowed.stateOf("st2", T0.plusSeconds(180)));
        assertEquals(Optional.of(until), allowed.records().get("st2").incompleteUntil());
        assertEquals("postponed", allowed.next("st2", T0.plusSeconds(180)));
        assertEquals(
                SittingRefusal.DECIDED,
                refused(x -> x.decidePostponement("pp-2", false, "x", "chair", until, T0), allowed)
                        .code());
        assertEquals(
                CommonRefusal.NOT_FOUND,
                refused(x -> x.decidePostponement("pp-9", true, "", "chair", until, T0), allowed)
                        .code());
        Refusal underWay = refused(x -> x.applyToPostpone("st1", "late", "image/png", T0.plusSeconds(300)), drawn());
        assertEquals(SittingRefusal.WRONG_ORDER, underWay.code(), "not once the ticket is drawn");
    }

    /** st1 graded B by the chair's confirmation at {@code at}. */
    static Sitting graded(Instant at) {
        Instant prep = T0.plusSeconds(300);
        return drawn().startPreparation("st1", prep)
                .score("st1", "chair", 80, 100, at)
                .score("st1", "m1", 80, 100, at)
                .score("st1", "m2", 80, 100, at)
                .confirm("st1", "chair", Aggregation.MEAN, CommissionScoresTest.SCALE, 100, at);
    }

    @Test
    void anAppealIsFiledWithin48HoursHeardAndDecidedAndMayChangeTheLetter() { // 6.15.4-6.15.5
        Instant graded = T0.plus(Duration.ofHours(1));
        Instant closed = T0.plus(Duration.ofHours(2));
        Sitting open = graded(graded);
        assertEquals(
                SittingRefusal.SITTING_OPEN,
                refused(x -> x.appeal("st1", "unfair", graded), open).code());
        Sitting s = open.close(closed).appeal("st1", "unfair", closed.plus(Duration.ofHours(47)));
        AppealCase a = s.appeals().get(0);
        assertEquals("ap-1", a.id());
        assertEquals("ac", a.to(), "to the appeal commission's chair");
        assertEquals(StudentState.APPEALED, s.stateOf("st1", closed.plus(Duration.ofHours(47))));
        assertEquals(
                SittingRefusal.ALREADY,
                refused(x -> x.appeal("st1", "again", closed.plus(Duration.ofHours(47))), s)
                        .code(),
                "one appeal per result");
        Instant met = closed.plus(Duration.ofHours(48));
        Refusal early =
                refused(x -> x.appealDecision("ap-1", "ac", true, "A", "", CommissionScoresTest.SCALE, 100, met), s);
        assertEquals(SittingRefusal.WRONG_ORDER, early.code(), "the decision comes after the meeting");
        Sitting heard = s.appealMeeting("ap-1", "ad", met);
        assertEquals(Optional.of(met), heard.appeals().get(0).meetingAt());
        Sitting decided = heard.appealDecision(
                "ap-1", "ac", true, "A", "well argued", CommissionScoresTest.SCALE, 100, met.plusSeconds(3600));
        AppealCase d = decided.appeals().get(0);
        String before =
                graded(graded).records().get("st1").result().orElseThrow().letter();
        assertEquals(Optional.of(before), d.gradeBefore());
        assertEquals(Optional.of("A"), d.gradeAfter());
        assertEquals("changed", d.decision());
        StudentRecord.Result r = decided.records().get("st1").result().orElseThrow();
        assertEquals("A", r.letter());
        assertEquals(Optional.of("ap-1"), r.changedByAppeal());
        // 5.28: points, percent and GPA agree with the new letter (80 points of 100 moved to the bottom of A)
        kz.emtihan.grade.model.GradeBand bandA =
                CommissionScoresTest.SCALE.band("A").orElseThrow();
        assertEquals(bandA.minPercent(), r.percent(), 1e-9);
        assertEquals(bandA.minPercent(), r.points(), 1e-9);
        assertEquals(bandA.gpa(), r.gpa(), 1e-9);
        assertEquals(bandA.traditional(), r.traditional());
        Instant later = met.plusSeconds(3600);
        Refusal unknown = refused(
                x -> x.appealDecision("ap-1", "ac", true, "Z", "", CommissionScoresTest.SCALE, 100, later), heard);
        assertEquals(CommonRefusal.BAD_FIELD, unknown.code(), "a letter the scale does not have (6.15.5)");
        Refusal same = refused(
                x -> x.appealDecision("ap-1", "ac", true, before, "", CommissionScoresTest.SCALE, 100, later), heard);
        assertEquals(CommonRefusal.BAD_FIELD, same.code(), "a change to the letter it has is a kept decision");
        assertEquals(
                CommonRefusal.NOT_FOUND,
                refused(x -> x.appealMeeting("ap-9", "ac", met), s).code());
        Refusal late = refused(x -> x.appeal("st1", "late", closed.plus(Duration.ofHours(49))), open.close(closed));
        assertEquals(SittingRefusal.APPEAL_LATE, late.code());
    }

    @Test
    void anActStopsTheExamAndTheLastVoteDecidesAnotherTimeKeepingAnUnseenTicket() { // 6.15.2
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Almaty");
        Sitting s = drawn().act("st1", "sec", "the connection dropped", zone, T0.plusSeconds(200));
        Act act = s.acts().get(0);
        assertEquals("act-1", act.id());
        assertEquals(Phase.WAITING, act.stage(), "before the preparation: the questions were not seen");
        assertEquals(List.of("chair", "m1", "m2"), act.sentTo());
        assertEquals(StudentState.TECHNICAL_FAILURE, s.stateOf("st1", T0.plusSeconds(200)));
        assertEquals("act", s.next("st1", T0.plusSeconds(200)));
        assertEquals(
                SittingRefusal.WRONG_ORDER,
                refused(x -> x.act("st2", "sec", "no", zone, T0), s).code(),
                "not before admission");
        Sitting one = s.vote("act-1", "m1", FailureDecision.Choice.SAME_DAY, T0.plusSeconds(300));
        assertTrue(one.acts().get(0).decision().isEmpty(), "waits for every member");
        Sitting all = one.vote("act-1", "m2", FailureDecision.Choice.SAME_DAY, T0.plusSeconds(300))
                .vote("act-1", "chair", FailureDecision.Choice.REFUSE, T0.plusSeconds(300));
        FailureDecision d = all.acts().get(0).decision().orElseThrow();
        assertEquals(FailureDecision.Choice.SAME_DAY, d.choice(), "the majority");
        assertEquals(StudentState.NEW_TIME, all.stateOf("st1", T0.plusSeconds(300)));
        assertEquals(
                drawn().records().get("st1").ticket(), all.records().get("st1").ticket(), "the unseen ticket is kept");
        assertEquals("start-preparation", all.next("st1", T0.plusSeconds(300)));
        assertEquals(
                SittingRefusal.DECIDED,
                refused(x -> x.vote("act-1", "m1", FailureDecision.Choice.REFUSE, T0.plusSeconds(400)), all)
                        .code());
        assertEquals(
                CommonRefusal.NOT_FOUND,
                refused(x -> x.vote("act-9", "m1", FailureDecision.Choice.REFUSE, T0), all)
                        .code());
    }

    @Test
    void theDrawIsTheCommittedOneAndRecordedInOrder() { // 6.15.6: the same rule the outsiders replay
        Sitting s = drawn();
        Draw d = s.draws().get(0);
        TicketPool replay = TicketPool.of("s-1", List.of(1, 2, 3), false).draw(SEED, "st1", "apple");
        assertEquals(replay.drawn().get(0).ticket(), d.ticket());
        assertEquals(1, d.drawNumber());
        assertEquals("apple", d.word());
        assertEquals(Optional.of(d.ticket()), s.records().get("st1").ticket());
        assertEquals(StudentState.DRAWN, s.stateOf("st1", T0.plusSeconds(200)));
        assertEquals(
                SittingRefusal.TICKETS_DRAWN,
                refused(x -> x.withTickets(List.of(new Ticket(9, List.of("q")))), s)
                        .code(),
                "the tickets stay once one is drawn");
        Sitting none = photographed(fresh().withTickets(List.of()), "st1")
                .admit("st1", T0)
                .identify("st1", "sec", true, "", T0)
                .checkRoom("st1", "sec", Set.copyOf(Sitting.ROOM_CHECKLIST), T0);
        assertEquals(
                SittingRefusal.NO_TICKETS,
                refused(x -> x.draw("st1", SEED, "", T0), none).code());
    }

    @Test
    void anAnswerEndedBeforeItsMinimumNeedsAReasonAndTheClockEndsPhasesByItself() { // 6.15.6
        Instant prep = T0.plusSeconds(300);
        Sitting s = drawn().startPreparation("st1", prep);
        assertEquals(StudentState.ANSWER, s.stateOf("st1", prep.plus(Duration.ofMinutes(20))), "20 minutes at most");
        Instant answer = prep.plus(Duration.ofMinutes(3));
        Sitting answering = s.endPreparation("st1", answer);
        Refusal early = refused(x -> x.endAnswer("st1", " ", answer.plus(Duration.ofMinutes(9))), answering);
        assertEquals(SittingRefusal.WRONG_ORDER, early.code());
        assertEquals(
                SittingWords.rule("answer-needs-reason", "minutes", 10L),
                early.args().get("rule"));
        assertTrue(early.message(Language.EN).contains("reason"), early.message(Language.EN));
        Sitting ended = answering.endAnswer("st1", "the student finished", answer.plus(Duration.ofMinutes(9)));
        assertEquals(
                Optional.of("the student finished"),
                ended.records().get("st1").clock().orElseThrow().earlyEndReason());
        assertEquals(
                StudentState.ANSWERED,
                answering.stateOf("st1", answer.plus(Duration.ofMinutes(15))),
                "15 minutes at most");
    }

    @Test
    void scoresAreInTheScaleAndTheChairConfirmsOnlyWhenAllHaveScored() { // 6.15.6
        Instant prep = T0.plusSeconds(300);
        Instant done = prep.plus(Duration.ofMinutes(40));
        Sitting s = drawn().startPreparation("st1", prep); // both phases end by the clock
        Refusal outOfScale = refused(x -> x.score("st1", "m1", 101, 100, done), s);
        assertEquals(SittingRefusal.BAD_STEP, outOfScale.code());
        Sitting one = s.score("st1", "m1", 70, 100, done);
        Refusal early =
                refused(x -> x.confirm("st1", "chair", Aggregation.MEDIAN, CommissionScoresTest.SCALE, 100, done), one);
        assertEquals(SittingRefusal.WRONG_ORDER, early.code());
        assertEquals(SittingWords.rule("confirm-when-all-scored"), early.args().get("rule"));
        Sitting all = one.score("st1", "chair", 60, 100, done).score("st1", "m2", 95, 100, done);
        assertEquals(
                SittingWords.rule("scores-sealed"),
                refused(x -> x.score("st1", "m1", 71, 100, done), all).args().get("rule"));
        Sitting graded = all.confirm("st1", "chair", Aggregation.MEDIAN, CommissionScoresTest.SCALE, 100, done);
        assertEquals(70.0, graded.records().get("st1").result().orElseThrow().points(), "the median of 60, 70, 95");
    }

    @Test
    void whoTakesAStepIsTheTablesAndTheReaderIsToldWhatTheyMayDoNow() { // 6.15.6
        Sitting s = photographed(fresh(), "st1")
                .admit("st1", T0)
                .identify("st1", "sec", true, "", T0)
                .checkRoom("st1", "sec", Set.copyOf(Sitting.ROOM_CHECKLIST), T0);
        assertEquals(
                Set.of(StudentStep.DRAW, StudentStep.REMOVE), s.allowed("st1", Optional.of(SittingRole.CHAIR), T0));
        assertFalse(s.allowed("st1", Optional.of(SittingRole.SECRETARY), T0).contains(StudentStep.DRAW));
        assertEquals(Set.of(), s.allowed("st1", Optional.empty(), T0), "an outsider takes nothing");
        assertEquals(SittingRole.CHAIR, s.requirePart("chair", StudentStep.DRAW));
        assertEquals(
                CommonRefusal.FORBIDDEN,
                assertThrows(Refusal.class, () -> s.requirePart("m1", StudentStep.DRAW))
                        .code());
        assertEquals(
                CommonRefusal.FORBIDDEN,
                assertThrows(Refusal.class, () -> s.requirePart("stranger", StudentStep.ADMIT))
                        .code());
        Refusal notOurs = refused(x -> x.admit("st9", T0), s);
        assertEquals(CommonRefusal.NOT_FOUND, notOurs.code());
        assertEquals("st9", notOurs.args().get("id"));
    }

    @Test
    void closingEndsTheExamStepsOnceAndStartsTheAppealClock() { // 6.15.4
        Instant closed = T0.plus(Duration.ofHours(3));
        Sitting s = fresh().close(closed);
        assertEquals(Optional.of(closed), s.endedAt());
        assertEquals(
                SittingRefusal.SITTING_CLOSED, refused(x -> x.close(closed), s).code());
        assertEquals(
                SittingRefusal.SITTING_CLOSED,
                refused(x -> x.admit("st2", closed), s).code());
        assertEquals("admit", s.next("st2", closed), "the order still says where the student stood");
        Refusal late = refused(x -> x.take("st2", StudentStep.APPEAL, closed.plus(Duration.ofHours(49))), s);
        assertEquals(SittingRefusal.APPEAL_LATE, late.code());
        assertEquals(closed.plus(Duration.ofHours(48)).toString(), late.args().get("deadline"), "names when it ended");
        Refusal ungraded = refused(x -> x.take("st2", StudentStep.APPEAL, closed.plus(Duration.ofHours(1))), s);
        assertEquals(SittingRefusal.WRONG_ORDER, ungraded.code(), "in time, but nothing to appeal against");
    }

    @Test
    void aTransitionChangesNothingItWasGiven() { // pure: the sitting it was applied to stands as it was
        Sitting before = drawn();
        Sitting after = before.startPreparation("st1", T0.plusSeconds(400));
        assertTrue(before.records().get("st1").clock().isEmpty());
        assertTrue(after.records().get("st1").clock().isPresent());
        assertEquals(before.draws(), after.draws());
    }

    @Test
    void everyRefusalOfTheSittingIsWordedInAllThreeLanguages() {
        for (SittingRefusal code : SittingRefusal.values()) {
            Object[] values =
                    code.args().stream().map(a -> (Object) ("<" + a + ">")).toArray();
            for (Language l : Language.values()) {
                String said = Refusal.of(code, values).message(l);
                for (String a : code.args()) assertTrue(said.contains("<" + a + ">"), l + " " + code + ": " + said);
                assertFalse(said.contains("{"), l + " " + code + ": " + said);
            }
        }
        for (StudentStep step : StudentStep.values())
            for (Language l : Language.values()) render(SittingWords.step(step), l);
        for (StudentState state : StudentState.values())
            for (Language l : Language.values()) render(SittingWords.state(state), l);
    }

    private static void render(Text t, Language l) {
        String said = kz.emtihan.text.Catalogue.render(t, l);
        assertFalse(said.isBlank() || said.contains("{"), t + " in " + l);
    }
}

package kz.emtihan.lti.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import kz.emtihan.auth.model.Role;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.exam.model.ExamKind;
import kz.emtihan.grade.model.Grade;
import kz.emtihan.lti.LtiDirectory;
import kz.emtihan.lti.model.Platform;
import kz.emtihan.lti.model.ResourceLink;
import kz.emtihan.lti.model.ToolKey;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 (3), hot path: the submits and the deadline sweep of 10,000 students of an exam with no LMS link cost no
 * store round trip: the node asks the directory once per exam while its answer is fresh (concurrent askers share the
 * one question), and never touches the grade queue (its store here has no Redis at all).
 */
class GradeTriggerTest {
    static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");

    /** A directory that counts its questions and answers when told to. */
    static final class Counting implements LtiDirectory {
        final AtomicInteger asked = new AtomicInteger();
        final List<Promise<List<ResourceLink>>> pending = new ArrayList<>();

        @Override
        public Future<List<ResourceLink>> linksOfExam(String examId) {
            asked.incrementAndGet();
            Promise<List<ResourceLink>> p = Promise.promise();
            pending.add(p);
            return p.future();
        }

        @Override
        public Future<Optional<Platform>> platform(String platformId) {
            throw new AssertionError("not asked on the hot path");
        }

        @Override
        public Future<Optional<String>> subjectOf(String platformId, String userId) {
            throw new AssertionError("not asked on the hot path");
        }

        @Override
        public Future<String> userFor(String platformId, String sub, String name, String email, Role role) {
            throw new AssertionError("not asked on the hot path");
        }

        @Override
        public Future<ToolKey> signingKey() {
            throw new AssertionError("not asked on the hot path");
        }
    }

    static Exam exam(String id) {
        return new Exam(
                id,
                "bank",
                "Algebra",
                ExamKind.INTERMEDIATE_ATTESTATION,
                T0,
                T0.plusSeconds(7200),
                50,
                30,
                new Exam.Proctoring(false, false, false),
                "t1",
                Optional.empty());
    }

    @Test
    void tenThousandResultsOfAnExamWithoutALinkAskTheDirectoryOnceAndTheStoreNever() {
        Counting directory = new Counting();
        Clock[] now = {Clock.fixed(T0, ZoneOffset.UTC)};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0].instant();
            }
        };
        GradeTrigger trigger = new GradeTrigger(directory, new GradeStore(null), clock);
        Exam e = exam("e-plain");
        Grade g = new Grade(21, 30, 70, "B-", 2.67, "good");
        List<Future<Void>> told = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) told.add(trigger.graded(e, "s" + i, g, T0)); // while the one question is open
        assertEquals(1, directory.asked.get());
        directory.pending.get(0).complete(List.of());
        for (int i = 5_000; i < 10_000; i++) told.add(trigger.graded(e, "s" + i, g, T0));
        assertEquals(1, directory.asked.get());
        assertTrue(told.stream().allMatch(f -> f.isComplete() && f.succeeded()));
        // the answer "no link" is trusted for a while, then asked again (a link made since is seen)
        now[0] = Clock.fixed(T0.plusMillis(GradeTrigger.NO_LINK_MILLIS + 1), ZoneOffset.UTC);
        trigger.graded(e, "late", g, T0);
        assertEquals(2, directory.asked.get());
    }
}

package kz.emtihan.lti.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.grade.model.Grade;
import kz.emtihan.lti.LinkNews;
import kz.emtihan.lti.RedisLtiDirectory;
import kz.emtihan.lti.model.ResourceLink;
import kz.emtihan.lti.services.model.Scopes;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 (3), the stale "no link" memory: node B has just learned that an exam has no LMS link (and would trust
 * that for {@link GradeTrigger#NO_LINK_MILLIS}); the engine (node A) makes a link; the moment its request answers, a
 * result graded on node B is queued. A node that does not hear the news (no subscription) would still say "no link":
 * the news, not luck, make the difference. Real Redis, the engine's own; node B is a second LinkNews, directory and
 * trigger on it.
 */
@SharedEngine
class LinkNewsTwoNodesTest {
    @Test
    void aLinkMadeOnOneNodeIsSeenByAnotherBeforeTheRequestThatMadeItAnswers(TestEngine app) throws Exception {
        var services = app.engine().services();
        var store = services.store();
        LinkNews newsB = new LinkNews(app.engine().vertx(), store.redis());
        try {
            newsB.start().await(10, TimeUnit.SECONDS);
            TestEngine.awaitUntil("node B subscribed", newsB::live, Duration.ofSeconds(10));
            RedisLtiDirectory onB = new RedisLtiDirectory(
                    store, services.users(), services.lti().keys(), newsB);
            GradeTrigger triggerB = new GradeTrigger(onB, new GradeStore(store.redis()), Clock.systemUTC());
            // a node with the old behaviour: its memory hears nothing
            GradeTrigger deaf = new GradeTrigger(
                    new RedisLtiDirectory(
                            store, services.users(), services.lti().keys()),
                    new GradeStore(store.redis()),
                    Clock.systemUTC());

            app.users("teacher", "lti-news-t1");
            String teacher = app.loginAs("lti-news-t1");
            String examId = Fixtures.openExam(app, teacher, Fixtures.validBank(app, teacher), "lti-news-s1");
            assertFalse(triggerB.linked(examId).await(10, TimeUnit.SECONDS), "no link yet: B remembers that");
            assertFalse(deaf.linked(examId).await(10, TimeUnit.SECONDS));

            // node A (the engine's directory) makes a link; its future completes when the request would answer
            services.lti()
                    .store()
                    .saveLink(new ResourceLink(
                            "p-news",
                            "1",
                            "ctx",
                            "rl-news-" + examId,
                            examId,
                            "https://lms.test/lineitems/1",
                            null,
                            List.of(Scopes.SCORE),
                            null))
                    .await(10, TimeUnit.SECONDS);

            // at once, on node B: a result is queued
            Exam exam = services.exam().exams().exam(examId).await(10, TimeUnit.SECONDS);
            triggerB.graded(exam, "lti-news-s1", new Grade(21, 30, 70, "B-", 2.67, "good"), java.time.Instant.now())
                    .await(10, TimeUnit.SECONDS);
            var job = new GradeStore(store.redis()).job(examId, "lti-news-s1").await(10, TimeUnit.SECONDS);
            assertEquals("waiting", job.get("state"), "queued on node B at once: " + job);
            assertEquals("B-", job.get("letter"));
            // the deaf node still trusts its stale "no link" (what the news prevent)
            assertFalse(deaf.linked(examId).await(10, TimeUnit.SECONDS));
            assertTrue(triggerB.linked(examId).await(10, TimeUnit.SECONDS));

            // a node whose subscription is down does not trust its memory
            newsB.close();
            assertFalse(newsB.live());
        } finally {
            newsB.close();
        }
    }
}

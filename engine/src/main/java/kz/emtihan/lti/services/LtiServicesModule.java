package kz.emtihan.lti.services;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import kz.emtihan.config.LtiServicesSettings;
import kz.emtihan.exam.ExamModule;
import kz.emtihan.lti.LaunchSignIn;
import kz.emtihan.lti.LtiDirectory;
import kz.emtihan.lti.services.model.Backoff;
import kz.emtihan.store.RedisStore;

/**
 * Issue 16 (3-4): grades back to an LMS's gradebook and rosters from its courses, wired over the store, the exam
 * context and the LTI registrations ({@link LtiDirectory}). Plugs itself into the exam context's final results.
 */
public final class LtiServicesModule {
    private final GradeStatuses grades;
    private final Rosters rosters;
    private final GradeWorker worker;
    private final LtiServicesSettings settings;

    private LtiServicesModule(GradeStatuses grades, Rosters rosters, GradeWorker worker, LtiServicesSettings settings) {
        this.grades = grades;
        this.rosters = rosters;
        this.worker = worker;
        this.settings = settings;
    }

    public static LtiServicesModule create(
            Vertx vertx,
            RedisStore store,
            ExamModule exam,
            LtiDirectory directory,
            LtiServicesSettings settings,
            LaunchSignIn launches) {
        Clock clock = Clock.systemUTC();
        WebClient http = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setUserAgent("Emtihan LTI tool")
                        .setConnectTimeout((int) settings.timeout().toMillis())
                        .setFollowRedirects(false));
        PlatformTokens tokens = new PlatformTokens(http, directory, clock, settings.timeout());
        GradeStore gradeStore = new GradeStore(store.redis());
        GradeTrigger trigger = new GradeTrigger(directory, gradeStore, clock);
        exam.finalResults().set(trigger);
        GradeSender sender = new GradeSender(
                http, directory, tokens, examId -> exam.exams().exam(examId).map(e -> e.title()), settings.timeout());
        // a try in flight holds its job this long: past it, a node that died with it leaves it to another
        long lease = 4 * settings.timeout().toMillis() + 30_000;
        GradeWorker worker = new GradeWorker(
                gradeStore, sender, new Backoff(settings.retry(), settings.giveUpAfter()), clock, lease);
        RosterLock lock = new RosterLock(vertx, store.redis());
        // issue 16 (1): a Learner's launch of a bound link puts them on the roster, under the lock a sync holds
        launches.enrolWith(new LaunchRoster(exam.exams(), store.redis(), gradeStore, lock, clock));
        Rosters rosters = new Rosters(
                directory,
                new CourseMembers(http, tokens, settings.timeout()),
                exam.exams(),
                exam.results(),
                store.redis(),
                gradeStore,
                trigger,
                clock,
                lock);
        return new LtiServicesModule(
                new GradeStatuses(exam.exams(), gradeStore, clock, directory), rosters, worker, settings);
    }

    GradeStatuses grades() {
        return grades;
    }

    Rosters rosters() {
        return rosters;
    }

    /** The periodic work of this node: grades due, rosters to sync. */
    public LtiServicesVerticle verticle() {
        return new LtiServicesVerticle(worker, rosters, settings.poll(), settings.rosterSync());
    }

    /** Issue 16 (4): one round of the periodic roster sync now (tests, and an operator's console). */
    public Future<Integer> syncRostersNow() {
        return rosters.syncAll(1000);
    }
}

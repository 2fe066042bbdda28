package kz.emtihan.statement;

import java.time.Instant;
import java.util.function.Supplier;
import kz.emtihan.auth.Users;
import kz.emtihan.config.Regulation;
import kz.emtihan.exam.ExamModule;
import kz.emtihan.exam.ExamPersonal;
import kz.emtihan.store.RedisStore;

/** Extensions, individual statements and accommodations (5.34-5.35), wired over the exam context's port. */
public record StatementModule(Statements statements, Accommodations accommodations) {
    /** @param clock the store's clock (the same as the attempts' start) */
    public static StatementModule create(
            RedisStore redis, ExamModule exam, Users users, Regulation regulation, Supplier<Instant> clock) {
        ExamPersonal personal = new ExamPersonal(exam.exams(), redis);
        var zone = regulation.calendar().zone();
        StatementViews views = new StatementViews(users, personal, zone);
        return new StatementModule(
                new Statements(new StatementStore(redis), personal, views, clock, zone),
                new Accommodations(personal, redis.redis(), clock));
    }
}

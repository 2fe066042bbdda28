package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.exam.model.ExamAccess;
import kz.emtihan.store.LuaScript;
import kz.emtihan.store.RedisStore;

/**
 * Exams in Redis: {@code exam:<id>} (JSON), the bank's questions frozen at scheduling in
 * {@code exam:<id>:questions} (and in {@code exam:<id>} the field {@code proctors}, the assigned proctors as a JSON list) (so edits to the bank never change a running test and a paper can be rebuilt
 * from its seed), the roster set, and per student the set of their exams.
 */
final class ExamStore {
    private static final LuaScript SCHEDULE = LuaScript.load("/kz/emtihan/exam/schedule-exam.lua");
    private final Redis redis;
    private final RedisStore store;

    ExamStore(RedisStore store) {
        this.store = store;
        this.redis = store.redis();
    }

    /**
     * Copies the bank's questions, stores the exam and enters it in its schedule index (schedule-exam.lua), unless the
     * index no longer holds {@code expected} exams (another creation came first: false, nothing kept). Issue 14 (2):
     * the definition first (nobody knows the new id yet), then the script over the index alone (one key: it runs on a
     * Cluster) makes it count, then the set of exams lists it; a 'changed' deletes the definition again.
     *
     * @param expected the index's size the rules were checked against; -1 for an index that is no limit (retakes)
     */
    Future<Boolean> create(Exam exam, Map<String, String> questionJsonById, String index, int expected, int week) {
        List<Request> definition = new ArrayList<>();
        if (!questionJsonById.isEmpty()) {
            Request questions = Request.cmd(Command.HSET).arg(ExamKeys.examQuestions(exam.id()));
            questionJsonById.forEach((id, json) -> questions.arg(id).arg(json));
            definition.add(questions);
        }
        definition.add(Request.cmd(Command.HSET)
                .arg(ExamKeys.exam(exam.id()))
                .arg("json")
                .arg(ExamJson.toJson(exam).encode()));
        return store.atomically(definition)
                .compose(written -> SCHEDULE.run(
                        redis, List.of(index), List.of(Integer.toString(expected), exam.id(), Integer.toString(week))))
                .compose(r -> {
                    if (r.toString().equals("created"))
                        return redis.send(Request.cmd(Command.SADD)
                                        .arg(ExamKeys.exams())
                                        .arg(exam.id()))
                                .map(true);
                    return store.pipeline(List.of(
                                    Request.cmd(Command.DEL).arg(ExamKeys.exam(exam.id())),
                                    Request.cmd(Command.DEL).arg(ExamKeys.examQuestions(exam.id()))))
                            .map(false);
                });
    }

    /** A schedule index: exam id -> the week it opens in (5.20.1-5.20.3), or the retakes of an exam (5.36). */
    Future<Map<String, Integer>> index(String key) {
        return redis.send(Request.cmd(Command.HGETALL).arg(key)).map(r -> {
            Map<String, Integer> out = new java.util.TreeMap<>();
            map(r).forEach((k, v) -> out.put(k, Integer.parseInt(v)));
            return out;
        });
    }

    /** A student's standing on one exam: on its roster, their attempt's status and letter if they have them. */
    record Standing(boolean onRoster, Optional<String> status, Optional<String> letter) {}

    /** Every student on the exam's roster or with an attempt at it, with their standing (5.36: who may retake). */
    Future<Map<String, Standing>> standings(String examId) {
        return roster(examId)
                .compose(roster -> attemptsOf(examId).compose(attempts -> {
                    List<String> students = new ArrayList<>(attempts.keySet());
                    List<Future<Response>> reads = new ArrayList<>();
                    for (String s : students)
                        reads.add(redis.send(Request.cmd(Command.HMGET)
                                .arg(ExamKeys.attempt(attempts.get(s)))
                                .arg("status")
                                .arg("letter")));
                    return Future.all(reads).map(done -> {
                        Map<String, Standing> out = new java.util.TreeMap<>();
                        for (String s : roster) out.put(s, new Standing(true, Optional.empty(), Optional.empty()));
                        for (int i = 0; i < students.size(); i++) {
                            Response r = done.resultAt(i);
                            out.put(
                                    students.get(i),
                                    new Standing(
                                            roster.contains(students.get(i)),
                                            Optional.ofNullable(r.get(0)).map(Response::toString),
                                            Optional.ofNullable(r.get(1)).map(Response::toString)));
                        }
                        return out;
                    });
                }));
    }

    Future<Optional<Exam>> get(String id) {
        return redis.send(Request.cmd(Command.HGET).arg(ExamKeys.exam(id)).arg("json"))
                .map(r -> r == null
                        ? Optional.<Exam>empty()
                        : Optional.of(ExamJson.fromJson(new JsonObject(r.toString()))));
    }

    /** An exam as scheduled, with the proctors assigned to it now (one HMGET: never cached, so a change holds at once). */
    record Guarded(Exam exam, List<String> proctors) {
        ExamAccess access() {
            return new ExamAccess(exam.owner(), new java.util.HashSet<>(proctors));
        }
    }

    Future<Optional<Guarded>> guarded(String id) {
        return redis.send(Request.cmd(Command.HMGET)
                        .arg(ExamKeys.exam(id))
                        .arg("json")
                        .arg("proctors"))
                .map(r -> {
                    if (r == null || r.get(0) == null) return Optional.<Guarded>empty();
                    List<String> proctors = new ArrayList<>();
                    if (r.get(1) != null)
                        for (Object o :
                                new io.vertx.core.json.JsonArray(r.get(1).toString())) proctors.add(String.valueOf(o));
                    return Optional.of(new Guarded(
                            ExamJson.fromJson(new JsonObject(r.get(0).toString())), proctors));
                });
    }

    /** Replaces the proctors assigned to the exam. */
    Future<Void> setProctors(String examId, List<String> proctors) {
        return redis.send(Request.cmd(Command.HSET)
                        .arg(ExamKeys.exam(examId))
                        .arg("proctors")
                        .arg(new io.vertx.core.json.JsonArray(proctors).encode()))
                .mapEmpty();
    }

    Future<List<String>> questionJsons(String examId) {
        return redis.send(Request.cmd(Command.HVALS).arg(ExamKeys.examQuestions(examId)))
                .map(ExamStore::strings);
    }

    /**
     * Replaces the roster, the admission ratings (5.30; a student without one is admitted) and the midterm ratings they
     * were computed from, if given (6.10); keeps each student's exam list in step. One MULTI/EXEC; on a Cluster (issue
     * 14, 2) one per slot: the exam's own keys together, each student's list apart.
     */
    Future<Void> replaceRoster(
            String examId, Set<String> students, Map<String, Double> ratings, Map<String, List<Double>> midterms) {
        return roster(examId).compose(old -> {
            List<Request> tx = new ArrayList<>();
            tx.add(Request.cmd(Command.DEL).arg(ExamKeys.roster(examId)));
            tx.add(Request.cmd(Command.DEL).arg(ExamKeys.admission(examId)));
            tx.add(Request.cmd(Command.DEL).arg(ExamKeys.midterms(examId)));
            if (!midterms.isEmpty()) {
                Request set = Request.cmd(Command.HSET).arg(ExamKeys.midterms(examId));
                midterms.forEach((s, m) -> set.arg(s).arg(new io.vertx.core.json.JsonArray(m).encode()));
                tx.add(set);
            }
            if (!ratings.isEmpty()) {
                Request set = Request.cmd(Command.HSET).arg(ExamKeys.admission(examId));
                ratings.forEach((s, r) -> set.arg(s).arg(Double.toString(r)));
                tx.add(set);
            }
            if (!students.isEmpty()) {
                Request add = Request.cmd(Command.SADD).arg(ExamKeys.roster(examId));
                students.forEach(add::arg);
                tx.add(add);
            }
            for (String s : old)
                if (!students.contains(s))
                    tx.add(Request.cmd(Command.SREM)
                            .arg(ExamKeys.studentExams(s))
                            .arg(examId));
            for (String s : students)
                tx.add(Request.cmd(Command.SADD).arg(ExamKeys.studentExams(s)).arg(examId));
            return store.atomically(tx).mapEmpty();
        });
    }

    Future<Set<String>> roster(String examId) {
        return redis.send(Request.cmd(Command.SMEMBERS).arg(ExamKeys.roster(examId)))
                .map(r -> new TreeSet<>(strings(r)));
    }

    /** student → admission rating, for the students that have one (5.30). */
    Future<Map<String, Double>> admission(String examId) {
        return redis.send(Request.cmd(Command.HGETALL).arg(ExamKeys.admission(examId)))
                .map(r -> {
                    Map<String, Double> out = new java.util.TreeMap<>();
                    map(r).forEach((k, v) -> out.put(k, Double.parseDouble(v)));
                    return out;
                });
    }

    /** student → the two midterm ratings the roster gave (6.10), for the students that have them. */
    Future<Map<String, List<Double>>> midterms(String examId) {
        return redis.send(Request.cmd(Command.HGETALL).arg(ExamKeys.midterms(examId)))
                .map(r -> {
                    Map<String, List<Double>> out = new java.util.TreeMap<>();
                    map(r).forEach((k, v) -> {
                        List<Double> two = new ArrayList<>();
                        for (Object o : new io.vertx.core.json.JsonArray(v)) two.add(((Number) o).doubleValue());
                        out.put(k, List.copyOf(two));
                    });
                    return out;
                });
    }

    Redis redis() {
        return redis;
    }

    Future<List<String>> examsOf(String studentId) {
        return redis.send(Request.cmd(Command.SMEMBERS).arg(ExamKeys.studentExams(studentId)))
                .map(ExamStore::strings);
    }

    Future<List<String>> all() {
        return redis.send(Request.cmd(Command.SMEMBERS).arg(ExamKeys.exams())).map(ExamStore::strings);
    }

    /** student → attempt id for one exam. */
    Future<Map<String, String>> attemptsOf(String examId) {
        return redis.send(Request.cmd(Command.HGETALL).arg(ExamKeys.examAttempts(examId)))
                .map(ExamStore::map);
    }

    /** The student's attempt at an exam as {id, status}, if they started one. */
    Future<Optional<String[]>> attemptOf(String examId, String studentId) {
        return redis.send(Request.cmd(Command.HGET)
                        .arg(ExamKeys.examAttempts(examId))
                        .arg(studentId))
                .compose(r -> {
                    if (r == null) return Future.succeededFuture(Optional.<String[]>empty());
                    String id = r.toString();
                    return redis.send(Request.cmd(Command.HGET)
                                    .arg(ExamKeys.attempt(id))
                                    .arg("status"))
                            .map(s -> Optional.of(new String[] {id, s == null ? "unknown" : s.toString()}));
                });
    }

    static List<String> strings(Response r) {
        List<String> out = new ArrayList<>();
        if (r != null) for (Response v : r) out.add(v.toString());
        return out;
    }

    static Map<String, String> map(Response r) {
        Map<String, String> out = new HashMap<>();
        if (r != null) for (String k : r.getKeys()) out.put(k, r.get(k).toString());
        return out;
    }
}

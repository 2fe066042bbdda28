package kz.emtihan.bank.imports;

import java.util.ArrayList;
import java.util.List;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;

/**
 * Issue 12, item 7, end to end: a big Moodle XML bank with a picture per question sent to {@code POST
 * /api/v1/banks/{id}/import} of an engine with its embedded Redis, until the answer says every question landed:
 * upload, parse, sanitise, check formulas, read each picture's type, store the pictures and the questions. Each run
 * imports into a new bank. Prints each time and the median:
 *
 * <pre>
 * java -cp "engine/target/test-classes:engine/target/classes:$(cat engine/target/bench.cp)" \
 *     kz.emtihan.bank.imports.MoodleXmlApiImportBench 5000 3 8000
 * </pre>
 */
public final class MoodleXmlApiImportBench {
    private MoodleXmlApiImportBench() {}

    public static void main(String[] args) throws Exception {
        int questions = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int picture = args.length > 2 ? Integer.parseInt(args[2]) : 8000;
        byte[] file = MoodleXmlGenerator.bank(questions, picture);
        System.out.printf(
                "file: %d questions with a %d-byte picture each, %.1f MB%n", questions, picture, file.length / 1e6);
        List<Long> times = new ArrayList<>();
        try (TestEngine app = TestEngine.start()) {
            app.users("teacher", "bench-teacher");
            String teacher = app.loginAs("bench-teacher");
            for (int run = 1; run <= runs; run++) {
                String bank = app.post("/api/v1/banks", teacher, Fixtures.passport())
                        .json()
                        .getString("id");
                long start = System.nanoTime();
                TestEngine.Reply r = app.send(
                        "POST",
                        "/api/v1/banks/" + bank + "/import?format=moodle-xml",
                        teacher,
                        "application/xml",
                        file);
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (r.status() != 200 || r.json().getInteger("imported") != questions)
                    throw new AssertionError(r.status() + " "
                            + r.body().substring(0, Math.min(500, r.body().length())));
                times.add(ms);
                System.out.printf("run %d: %d ms (%d questions imported with their pictures)%n", run, ms, questions);
            }
        }
        System.out.printf(
                "median of %d runs: %d ms%n",
                runs, times.stream().sorted().toList().get(runs / 2));
    }
}

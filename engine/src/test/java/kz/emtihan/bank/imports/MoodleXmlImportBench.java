package kz.emtihan.bank.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * Issue 12, item 7: how long a big Moodle XML bank with a picture per question takes to import (parse, sanitise,
 * check formulas and files). Generates the file ({@link MoodleXmlGenerator}), imports it {@code runs} times and prints
 * each time and the median. Run after the test classes are compiled:
 *
 * <pre>
 * ./mvnw -B -q -o -pl engine -am test-compile -Dspotless.check.skip=true -Dexec.skip=true
 * java -cp "engine/target/test-classes:engine/target/classes:$(cat engine/target/bench.cp)" \
 *     kz.emtihan.bank.imports.MoodleXmlImportBench 5000 3
 * </pre>
 *
 * (bench.cp from {@code ./mvnw -q -o -pl engine dependency:build-classpath -Dmdep.outputFile=target/bench.cp}).
 */
public final class MoodleXmlImportBench {
    private MoodleXmlImportBench() {}

    public static void main(String[] args) throws Exception {
        int questions = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int picture = args.length > 2 ? Integer.parseInt(args[2]) : 8000;
        byte[] file = MoodleXmlGenerator.bank(questions, picture);
        System.out.printf(
                "file: %d questions, %d pictures of %d bytes, %.1f MB%n",
                questions, questions, picture, file.length / 1e6);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Long> times = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            ImportReport report = MoodleXmlImport.parse(file);
            long ms = (System.nanoTime() - start) / 1_000_000;
            long cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
            if (report.questions().size() != questions) throw new AssertionError(report.skipped());
            times.add(ms);
            cpu.add(cpuMs);
            System.out.printf(
                    "run %d: %d ms wall, %d ms cpu (%d questions, %d files)%n",
                    run,
                    ms,
                    cpuMs,
                    report.questions().size(),
                    report.questions().stream().mapToInt(q -> q.files().size()).sum());
        }
        System.out.printf(
                "median of %d runs: %d ms wall, %d ms cpu (the parsing thread's own time)%n",
                runs, median(times), median(cpu));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}

package kz.emtihan.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * issue 14 (5): a strict reader of the Prometheus text exposition format 0.0.4, as Prometheus' own parser takes it
 * (Micrometer writes it but reads none): HELP and TYPE lines, samples with escaped label values, floats, +Inf/NaN.
 * Anything it does not understand throws, naming the line. It also checks the families: a TYPE before its samples and
 * once, samples only of declared families, and a histogram's buckets cumulative, ending at +Inf equal to its count.
 */
final class PrometheusText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") ?(.*)");
    private static final Pattern TYPE =
            Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");

    record Sample(String name, Map<String, String> labels, double value) {}

    static final class Family {
        final String name;
        String type;
        String help;
        final List<Sample> samples = new ArrayList<>();

        Family(String name) {
            this.name = name;
        }
    }

    final Map<String, Family> families = new LinkedHashMap<>();

    static PrometheusText parse(String text) {
        PrometheusText p = new PrometheusText();
        String[] lines = text.split("\n", -1);
        if (!text.endsWith("\n")) throw new IllegalArgumentException("the text must end with a line feed");
        for (int i = 0; i < lines.length - 1; i++) {
            try {
                p.line(lines[i]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage() + ": " + lines[i], e);
            }
        }
        p.families.values().forEach(PrometheusText::check);
        return p;
    }

    private void line(String line) {
        if (line.isEmpty()) return;
        if (line.startsWith("#")) {
            Matcher help = HELP.matcher(line);
            Matcher type = TYPE.matcher(line);
            if (line.startsWith("# HELP ")) {
                if (!help.matches()) throw new IllegalArgumentException("bad HELP");
                Family f = families.computeIfAbsent(help.group(1), Family::new);
                if (f.help != null) throw new IllegalArgumentException("a second HELP");
                f.help = unescape(help.group(2), false);
            } else if (line.startsWith("# TYPE ")) {
                if (!type.matches()) throw new IllegalArgumentException("bad TYPE");
                Family f = families.computeIfAbsent(type.group(1), Family::new);
                if (f.type != null) throw new IllegalArgumentException("a second TYPE");
                if (!f.samples.isEmpty()) throw new IllegalArgumentException("TYPE after samples");
                f.type = type.group(2);
            }
            return; // any other comment
        }
        Sample s = sample(line);
        Family f = familyOf(s.name());
        if (f == null) throw new IllegalArgumentException("a sample of no declared family");
        f.samples.add(s);
    }

    private Family familyOf(String sample) {
        Family f = families.get(sample);
        if (f != null && f.type != null) return f;
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (!sample.endsWith(suffix)) continue;
            Family base = families.get(sample.substring(0, sample.length() - suffix.length()));
            if (base != null && ("histogram".equals(base.type) || "summary".equals(base.type))) {
                if (suffix.equals("_bucket") && !"histogram".equals(base.type)) return null;
                return base;
            }
        }
        return null;
    }

    private static Sample sample(String line) {
        Matcher name = NAME.matcher(line);
        if (!name.lookingAt()) throw new IllegalArgumentException("no metric name");
        int at = name.end();
        Map<String, String> labels = new TreeMap<>();
        if (at < line.length() && line.charAt(at) == '{') {
            at++;
            while (line.charAt(at) != '}') {
                Matcher label = LABEL.matcher(line).region(at, line.length());
                if (!label.lookingAt()) throw new IllegalArgumentException("bad label name");
                at = label.end();
                if (line.charAt(at) != '=' || line.charAt(at + 1) != '"')
                    throw new IllegalArgumentException("label without =\"");
                at += 2;
                StringBuilder value = new StringBuilder();
                while (line.charAt(at) != '"') {
                    char c = line.charAt(at++);
                    if (c == '\\') {
                        char e = line.charAt(at++);
                        value.append(
                                switch (e) {
                                    case 'n' -> '\n';
                                    case '\\' -> '\\';
                                    case '"' -> '"';
                                    default -> throw new IllegalArgumentException("bad escape \\" + e);
                                });
                    } else value.append(c);
                }
                at++;
                if (labels.put(label.group(), value.toString()) != null)
                    throw new IllegalArgumentException("label twice: " + label.group());
                if (line.charAt(at) == ',') at++;
                else if (line.charAt(at) != '}') throw new IllegalArgumentException("expected , or }");
            }
            at++;
        }
        if (at >= line.length() || line.charAt(at) != ' ') throw new IllegalArgumentException("no space before value");
        String[] rest = line.substring(at + 1).trim().split(" ");
        if (rest.length > 2) throw new IllegalArgumentException("too many fields");
        if (rest.length == 2) Long.parseLong(rest[1]); // a timestamp in ms
        return new Sample(name.group(), labels, number(rest[0]));
    }

    private static double number(String s) {
        return switch (s) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(s);
        };
    }

    private static String unescape(String s, boolean quotes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            if (e == 'n') out.append('\n');
            else if (e == '\\') out.append('\\');
            else if (e == '"' && quotes) out.append('"');
            else throw new IllegalArgumentException("bad escape in HELP");
        }
        return out.toString();
    }

    private static void check(Family f) {
        if (f.type == null) throw new IllegalArgumentException(f.name + ": HELP without TYPE");
        if (!"histogram".equals(f.type)) return;
        Map<Map<String, String>, List<Sample>> series = new LinkedHashMap<>();
        Map<Map<String, String>, Double> counts = new LinkedHashMap<>();
        for (Sample s : f.samples) {
            Map<String, String> key = new TreeMap<>(s.labels());
            key.remove("le");
            if (s.name().endsWith("_bucket"))
                series.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            if (s.name().endsWith("_count")) counts.put(key, s.value());
        }
        series.forEach((key, buckets) -> {
            double last = -1;
            double bound = Double.NEGATIVE_INFINITY;
            for (Sample b : buckets) {
                double le = number(b.labels().get("le"));
                if (le <= bound) throw new IllegalArgumentException(f.name + ": buckets out of order " + key);
                if (b.value() < last) throw new IllegalArgumentException(f.name + ": buckets not cumulative " + key);
                bound = le;
                last = b.value();
            }
            if (bound != Double.POSITIVE_INFINITY) throw new IllegalArgumentException(f.name + ": no +Inf bucket");
            if (!Double.valueOf(last).equals(counts.get(key)))
                throw new IllegalArgumentException(f.name + ": +Inf bucket is not the count " + key);
        });
    }

    Family family(String name) {
        Family f = families.get(name);
        if (f == null) throw new AssertionError("no metric family " + name + " in the scrape");
        return f;
    }

    /** The sum of the family's samples named {@code sample} whose labels pass {@code where}. */
    double sum(String sample, Predicate<Map<String, String>> where) {
        Family f = familyOf(sample);
        if (f == null) return 0;
        return f.samples.stream()
                .filter(s -> s.name().equals(sample) && where.test(s.labels()))
                .mapToDouble(Sample::value)
                .sum();
    }

    /** The sample's value with exactly these labels (pairs), or 0 when there is none yet. */
    double value(String sample, String... labels) {
        Map<String, String> want = new TreeMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) want.put(labels[i], labels[i + 1]);
        return sum(sample, l -> l.entrySet().containsAll(want.entrySet()));
    }
}

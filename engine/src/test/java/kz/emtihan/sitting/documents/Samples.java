package kz.emtihan.sitting.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.text.Language;

/** Sample sittings in each language, named as a secretary would write them. */
final class Samples {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final LocalDate DAY = LocalDate.of(2025, 6, 10);
    static final Path OUT = Path.of("target", "documents");

    private Samples() {}

    /** Chair, four members and the secretary: five scoring members. */
    static List<Person> commission(Language language) {
        List<String> n = names(language);
        return List.of(
                new Person(n.get(0), Person.Role.CHAIR),
                new Person(n.get(1), Person.Role.MEMBER),
                new Person(n.get(2), Person.Role.MEMBER),
                new Person(n.get(3), Person.Role.MEMBER),
                new Person(n.get(4), Person.Role.MEMBER),
                new Person(n.get(5), Person.Role.SECRETARY));
    }

    static List<String> names(Language language) {
        return switch (language) {
            case KK ->
                List.of(
                        "Сейтқалиева Ә. Б.",
                        "Жұмабеков Қ. Т.",
                        "Өмірзақова Ұ. Н.",
                        "Ким Р. А.",
                        "Байғожин Ғ. С.",
                        "Ішмұхамедова Һ. Ү.");
            case RU ->
                List.of(
                        "Петрова Е. В.",
                        "Смирнов А. Ю.",
                        "Ахметова Д. С.",
                        "Ким Р. А.",
                        "Волков И. Д.",
                        "Зайцева О. Л.");
            case EN ->
                List.of(
                        "Seitkaliyeva A. B.",
                        "Zhumabekov K. T.",
                        "Omirzakova U. N.",
                        "Kim R. A.",
                        "Baigozhin G. S.",
                        "Ishmukhamedova H. U.");
        };
    }

    static List<String> students(Language language) {
        return switch (language) {
            case KK -> List.of("Нұрланұлы Ерқанат", "Әбдіқадырова Іңкәр", "Ғабитов Үмбетәлі", "Өтегенова Ұлжан");
            case RU -> List.of("Иванов Сергей", "Щербакова Юлия", "Ёлкин Фёдор", "Эргашев Тимур");
            case EN -> List.of("Nurlanuly Yerkanat", "Abdikadyrova Inkar", "Gabitov Umbetali", "Otegenova Ulzhan");
        };
    }

    static Map<String, Integer> scores(Language language, int... points) {
        List<String> n = names(language);
        return Map.of(
                n.get(0), points[0], n.get(1), points[1], n.get(2), points[2], n.get(3), points[3], n.get(4),
                points[4]);
    }

    static ProtocolDocument protocol(Language language) {
        List<String> s = students(language);
        String failure = switch (language) {
            case KK -> "техникалық ақау: жаңа уақыт 15:30";
            case RU -> "технический сбой: новое время 15:30";
            case EN -> "technical failure: new time 15:30";
        };
        List<ProtocolRow> rows = List.of(
                new ProtocolRow(s.get(0), 12, scores(language, 85, 90, 88, 86, 87), "87", "B+", null),
                new ProtocolRow(s.get(1), 7, scores(language, 95, 96, 94, 97, 95), "95", "A", ""),
                new ProtocolRow(s.get(2), null, Map.of(), "—", "I", failure),
                new ProtocolRow(s.get(3), 23, scores(language, 61, 63, 62, 60, 64), "62", "C-", null));
        return new ProtocolDocument(
                title(language), ProtocolDocument.COMPREHENSIVE_EXAM, DAY, language, commission(language), rows);
    }

    /** A protocol of {@code count} students named "Student 01"... with ticket = row number. */
    static ProtocolDocument longProtocol(int count) {
        List<ProtocolRow> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(new ProtocolRow(
                    String.format("Студент %02d", i),
                    i,
                    scores(Language.KK, 70 + i % 30, 71 + i % 29, 72 + i % 28, 73 + i % 27, 74 + i % 26),
                    Integer.toString(72 + i % 26),
                    "B-",
                    i % 10 == 0 ? "I — 10 шілдеге дейін" : ""));
        }
        return new ProtocolDocument(
                title(Language.KK), ProtocolDocument.THESIS_DEFENCE, DAY, Language.KK, commission(Language.KK), rows);
    }

    static String title(Language language) {
        return switch (language) {
            case KK -> "6B06101 Ақпараттық жүйелер — МАК отырысы № 3";
            case RU -> "6B06101 Информационные системы — заседание ГАК № 3";
            case EN -> "6B06101 Information Systems — SAC sitting No. 3";
        };
    }

    static FailureActDocument failureAct(Language language) {
        List<String> n = names(language);
        String student = students(language).get(2);
        Instant at = DAY.atTime(11, 42).atZone(ALMATY).toInstant();
        List<Vote> votes = List.of(
                new Vote(n.get(0), Vote.Choice.FOR),
                new Vote(n.get(1), Vote.Choice.FOR),
                new Vote(n.get(2), Vote.Choice.FOR),
                new Vote(n.get(3), Vote.Choice.ABSTAIN),
                new Vote(n.get(4), Vote.Choice.AGAINST));
        return switch (language) {
            case KK ->
                new FailureActDocument(
                        title(language),
                        DAY,
                        language,
                        student,
                        at,
                        ALMATY,
                        "билетке жауап беру, 2-сұрақ",
                        "Байланыс үзілді, камера өшті: ӘәҒғҚқҢңӨөҰұҮүҺһІі",
                        n.get(5),
                        votes,
                        "Сол күні басқа уақыт беру",
                        true,
                        Optional.of("2025-06-10 15:30"));
            case RU ->
                new FailureActDocument(
                        title(language),
                        DAY,
                        language,
                        student,
                        at,
                        ALMATY,
                        "ответ по билету, вопрос 2",
                        "Связь прервана, камера отключилась: ЁёЩщЪъЭэЮюЯя",
                        n.get(5),
                        votes,
                        "Предоставить другое время в тот же день",
                        true,
                        Optional.of("2025-06-10 15:30"));
            case EN ->
                new FailureActDocument(
                        title(language),
                        DAY,
                        language,
                        student,
                        at,
                        ALMATY,
                        "answering the ticket, question 2",
                        "Connection lost, camera went dark",
                        n.get(5),
                        votes,
                        "Another sitting in the current academic period",
                        false,
                        Optional.empty());
        };
    }

    static AppealDecisionDocument appeal(Language language) {
        Instant filed = DAY.atTime(17, 5).atZone(ALMATY).toInstant();
        Instant meeting = DAY.plusDays(2).atTime(10, 0).atZone(ALMATY).toInstant();
        List<String> n = names(language);
        List<Person> commission = List.of(
                new Person(n.get(0), Person.Role.CHAIR),
                new Person(n.get(3), Person.Role.MEMBER),
                new Person(n.get(5), Person.Role.SECRETARY));
        String reason = switch (language) {
            case KK -> "Екінші сұраққа берілген жауап толық бағаланбады";
            case RU -> "Ответ на второй вопрос оценён не полностью";
            case EN -> "The answer to the second question was not fully assessed";
        };
        return new AppealDecisionDocument(
                title(language),
                language,
                students(language).get(0),
                filed,
                reason,
                meeting,
                AppealDecisionDocument.CHANGED,
                "B+ (87)",
                "A- (91)",
                commission,
                ALMATY);
    }

    static void save(String name, byte[] pdf) {
        try {
            Files.createDirectories(OUT);
            Files.write(OUT.resolve(name), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

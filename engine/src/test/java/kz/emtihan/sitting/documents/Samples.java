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
import kz.emtihan.sitting.model.FailureDecision;
import kz.emtihan.sitting.model.Phase;
import kz.emtihan.sitting.model.StudentState;
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

    static Instant at(int hour, int minute) {
        return DAY.atTime(hour, minute).atZone(ALMATY).toInstant();
    }

    /**
     * Four students: one graded and then changed on appeal (commission B+ 87, appeal A- 91), one graded, one whose
     * exam an act stopped and who drew again and then postponed, one graded.
     */
    static ProtocolDocument protocol(Language language) {
        List<String> s = students(language);
        ProtocolCourse appealed = new ProtocolCourse(
                Optional.of(StudentState.APPEAL_DECIDED),
                List.of(times(Optional.empty(), 10, 0)),
                List.of(new ProtocolCourse.DrawLine(1, 12, Optional.of(at(10, 3)), Optional.empty())),
                List.of(),
                List.of(),
                Optional.of(new ProtocolCourse.AppealLine(
                        at(17, 5),
                        Optional.of(AppealDecisionDocument.CHANGED),
                        Optional.of("A- 91"),
                        Optional.of(
                                DAY.plusDays(2).atTime(11, 30).atZone(ALMATY).toInstant()))));
        ProtocolCourse failed = new ProtocolCourse(
                Optional.of(StudentState.POSTPONED),
                List.of(times(Optional.of(1), 11, 20)),
                List.of(
                        new ProtocolCourse.DrawLine(3, 4, Optional.of(at(11, 23)), Optional.empty()),
                        new ProtocolCourse.DrawLine(5, 9, Optional.of(at(15, 31)), Optional.of(1))),
                List.of(new ProtocolCourse.ActLine(
                        1,
                        at(11, 42),
                        Phase.PREPARATION,
                        Optional.of(4),
                        Optional.of(FailureDecision.Choice.SAME_DAY),
                        Optional.of(at(15, 30)))),
                List.of(new ProtocolCourse.PostponementLine(
                        Optional.of(at(15, 50)),
                        Optional.of(true),
                        Optional.of(at(16, 0)),
                        Optional.of(
                                LocalDate.of(2025, 7, 11).atStartOfDay(ALMATY).toInstant()))),
                Optional.empty());
        ProtocolCourse graded = new ProtocolCourse(
                Optional.of(StudentState.GRADED),
                List.of(times(Optional.empty(), 12, 30)),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty());
        List<ProtocolRow> rows = List.of(
                new ProtocolRow(s.get(0), 12, scores(language, 85, 90, 88, 86, 87), "87", "B+", null, appealed),
                new ProtocolRow(s.get(1), 7, scores(language, 95, 96, 94, 97, 95), "95", "A", "", graded),
                new ProtocolRow(s.get(2), null, Map.of(), "—", "I", null, failed),
                new ProtocolRow(s.get(3), 23, scores(language, 61, 63, 62, 60, 64), "62", "C-", null));
        return new ProtocolDocument(
                title(language),
                ProtocolDocument.COMPREHENSIVE_EXAM,
                DAY,
                language,
                commission(language),
                rows,
                ALMATY);
    }

    /**
     * A thesis defence moved once (6.15.6), with a student removed for a violation (6.14), one carried here from an
     * earlier sitting (6.15.2-6.15.3) and one whose I here was cleared by a later sitting's result (6.15.3).
     */
    static ProtocolDocument interventions(Language language) {
        List<String> s = students(language);
        List<String> n = names(language);
        ProtocolCourse removed = new ProtocolCourse(
                        Optional.of(StudentState.REMOVED),
                        List.of(times(Optional.empty(), 10, 0)),
                        List.of(),
                        List.of(),
                        List.of(),
                        Optional.empty())
                .with(
                        Optional.of(new ProtocolCourse.RemovalLine(n.get(5), at(10, 12), removalReason(language))),
                        Optional.empty(),
                        Optional.empty());
        ProtocolCourse carried = new ProtocolCourse(
                        Optional.of(StudentState.GRADED),
                        List.of(times(Optional.empty(), 11, 0)),
                        List.of(),
                        List.of(),
                        List.of(),
                        Optional.empty())
                .with(
                        Optional.empty(),
                        Optional.of(
                                new ProtocolCourse.SittingRef(earlierTitle(language), Optional.of(DAY.minusDays(14)))),
                        Optional.empty());
        ProtocolCourse cleared = new ProtocolCourse(
                        Optional.of(StudentState.POSTPONED),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(new ProtocolCourse.PostponementLine(
                                Optional.of(at(9, 0)),
                                Optional.of(true),
                                Optional.of(at(9, 30)),
                                Optional.of(LocalDate.of(2025, 7, 11)
                                        .atStartOfDay(ALMATY)
                                        .toInstant()))),
                        Optional.empty())
                .with(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(new ProtocolCourse.ClearedLine(
                                new ProtocolCourse.SittingRef(laterTitle(language), Optional.of(DAY.plusDays(7))),
                                "B 80",
                                DAY.plusDays(7).atTime(12, 40).atZone(ALMATY).toInstant())));
        List<ProtocolRow> rows = List.of(
                new ProtocolRow(s.get(0), null, Map.of(), "0", "F", null, removed),
                new ProtocolRow(s.get(1), null, scores(language, 80, 81, 79, 80, 80), "80", "B", null, carried),
                new ProtocolRow(s.get(2), null, Map.of(), "—", "I", null, cleared));
        return new ProtocolDocument(
                title(language),
                ProtocolDocument.THESIS_DEFENCE,
                DAY,
                language,
                commission(language),
                rows,
                ALMATY,
                List.of(new ProtocolDocument.Reschedule(
                        DAY.minusDays(2), DAY, "Әкімші Әкімов", at(8, 15), rescheduleReason(language))));
    }

    static String removalReason(Language language) {
        return switch (language) {
            case KK -> "бөлмеде екінші адам болды";
            case RU -> "в комнате находился второй человек";
            case EN -> "a second person was in the room";
        };
    }

    static String rescheduleReason(Language language) {
        return switch (language) {
            case KK -> "платформа істемеді";
            case RU -> "платформа была недоступна";
            case EN -> "the platform was down";
        };
    }

    static String earlierTitle(Language language) {
        return title(language).replace("3", "1");
    }

    static String laterTitle(Language language) {
        return title(language).replace("3", "5");
    }

    /** An attempt from admission at {@code hour:minute}: draw +3, preparation +4..+24, answer +24..+38, confirmed +40. */
    static ProtocolCourse.Times times(Optional<Integer> stoppedBy, int hour, int minute) {
        Instant start = at(hour, minute);
        return new ProtocolCourse.Times(
                stoppedBy,
                Optional.of(start),
                Optional.of(start.plusSeconds(180)),
                Optional.of(start.plusSeconds(240)),
                stoppedBy.isPresent() ? Optional.empty() : Optional.of(start.plusSeconds(24 * 60)),
                stoppedBy.isPresent() ? Optional.empty() : Optional.of(start.plusSeconds(38 * 60)),
                stoppedBy.isPresent() ? Optional.empty() : Optional.of(start.plusSeconds(40 * 60)));
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
                title(Language.KK),
                ProtocolDocument.COMPREHENSIVE_EXAM,
                DAY,
                Language.KK,
                commission(Language.KK),
                rows,
                ALMATY);
    }

    static String title(Language language) {
        return switch (language) {
            case KK -> "6B06101 Ақпараттық жүйелер — МАК отырысы № 3";
            case RU -> "6B06101 Информационные системы — заседание ГАК № 3";
            case EN -> "6B06101 Information Systems — SAC sitting No. 3";
        };
    }

    /** The votes as cast: three for the same day, one for another sitting, one against any other time. */
    static List<Vote> votes(Language language) {
        List<String> n = names(language);
        return List.of(
                new Vote(n.get(0), FailureDecision.Choice.SAME_DAY),
                new Vote(n.get(1), FailureDecision.Choice.SAME_DAY),
                new Vote(n.get(2), FailureDecision.Choice.SAME_DAY),
                new Vote(n.get(3), FailureDecision.Choice.ANOTHER_SITTING),
                new Vote(n.get(4), FailureDecision.Choice.REFUSE));
    }

    static List<String> questions(Language language) {
        return switch (language) {
            case KK -> List.of("Деректер қорын қалыпқа келтіру", "Транзакцияларды оқшаулау деңгейлері");
            case RU -> List.of("Нормализация баз данных", "Уровни изоляции транзакций");
            case EN -> List.of("Database normalisation", "Transaction isolation levels");
        };
    }

    static FailureActDocument failureAct(Language language) {
        String description = switch (language) {
            case KK -> "Байланыс үзілді, камера өшті: ӘәҒғҚқҢңӨөҰұҮүҺһІі";
            case RU -> "Связь прервана, камера отключилась: ЁёЩщЪъЭэЮюЯя";
            case EN -> "Connection lost, camera went dark";
        };
        return new FailureActDocument(
                title(language),
                1,
                DAY,
                language,
                students(language).get(2),
                at(11, 42),
                ALMATY,
                Phase.PREPARATION,
                Optional.of(new ActTicket(4, questions(language))),
                description,
                commission(language),
                votes(language),
                Optional.of(new FailureDecision(
                        FailureDecision.Choice.SAME_DAY, FailureDecision.TicketOnRetry.DRAW, false)),
                Optional.of(at(15, 30)));
    }

    static AppealDecisionDocument appeal(Language language) {
        Instant filed = DAY.atTime(17, 5).atZone(ALMATY).toInstant();
        Instant meeting = DAY.plusDays(2).atTime(10, 0).atZone(ALMATY).toInstant();
        List<String> n = names(language);
        List<Person> commission = List.of(
                new Person(n.get(0), Person.Role.CHAIR),
                new Person(n.get(3), Person.Role.MEMBER),
                new Person(n.get(4), Person.Role.MEMBER));
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
                "B+ 87",
                "A- 91",
                comment(language),
                meeting.plusSeconds(45 * 60),
                commission,
                ALMATY);
    }

    static String comment(Language language) {
        return switch (language) {
            case KK -> "Екінші сұраққа жауап толық, бірақ бағалау парағында ескерілмеген";
            case RU -> "Ответ на второй вопрос полный, но не учтён в оценочном листе";
            case EN -> "The second answer was complete but not counted on the score sheet";
        };
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

package kz.emtihan.sitting.documents;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.emtihan.text.Language;

/**
 * The protocol of one sitting of the final attestation commission (6.15, 6.15.1, 6.15.6): who sat on the
 * commission, which ticket each student drew, every member's score, the commission's grade with an appeal's change
 * beside it, and how each exam went: the times, the draws and redraws, the acts, the postponements.
 *
 * @param sittingTitle programme and sitting as printed under the heading
 * @param kind         {@value #COMPREHENSIVE_EXAM} or {@value #THESIS_DEFENCE} (6.15.1)
 * @param date         the day of the sitting; results are announced the same day (6.15.6)
 * @param language     the sitting's language, used for every label and date
 * @param commission   the chair first, then the members, then the technical secretary; names are unique
 * @param rows         one row per student, in the order they answered; score keys name scoring members
 * @param zone         the zone of the sitting's times, named on the paper
 * @param reschedules  each move of the sitting to another day, the earliest first (6.15.6)
 */
public record ProtocolDocument(
        String sittingTitle,
        String kind,
        LocalDate date,
        Language language,
        List<Person> commission,
        List<ProtocolRow> rows,
        java.time.ZoneId zone,
        List<Reschedule> reschedules) {

    /** A sitting never moved. */
    public ProtocolDocument(
            String sittingTitle,
            String kind,
            LocalDate date,
            Language language,
            List<Person> commission,
            List<ProtocolRow> rows,
            java.time.ZoneId zone) {
        this(sittingTitle, kind, date, language, commission, rows, zone, List.of());
    }

    /**
     * One move of the sitting to another day by an administrator.
     *
     * @param by the administrator's name
     */
    public record Reschedule(LocalDate from, LocalDate to, String by, java.time.Instant at, String reason) {
        public Reschedule {
            Check.present("reschedule.from", from);
            Check.present("reschedule.to", to);
            by = Check.text("reschedule.by", by);
            Check.present("reschedule.at", at);
            reason = Check.text("reschedule.reason", reason);
        }
    }

    /** 6.15.1: a thesis defence draws no ticket, so its protocol has no ticket column. */
    public boolean defence() {
        return THESIS_DEFENCE.equals(kind);
    }

    /** 6.15.1: the final attestation as a comprehensive exam. */
    public static final String COMPREHENSIVE_EXAM = "comprehensive-exam";
    /** 6.15.1: the final attestation as the defence of a thesis (project). */
    public static final String THESIS_DEFENCE = "thesis-defence";

    public ProtocolDocument {
        sittingTitle = Check.text("sittingTitle", sittingTitle);
        kind = Check.text("kind", kind);
        if (!kind.equals(COMPREHENSIVE_EXAM) && !kind.equals(THESIS_DEFENCE)) {
            throw new IllegalArgumentException(
                    "kind must be " + COMPREHENSIVE_EXAM + " or " + THESIS_DEFENCE + ", was " + kind);
        }
        Check.present("date", date);
        Check.present("language", language);
        commission = Check.nonEmpty("commission", commission);
        if (commission.get(0).role() != Person.Role.CHAIR) {
            throw new IllegalArgumentException(
                    "commission[0] must be the chair, was " + commission.get(0).role());
        }
        Set<String> names = new HashSet<>();
        for (Person p : commission) {
            if (p != commission.get(0) && p.role() == Person.Role.CHAIR) {
                throw new IllegalArgumentException("commission must have exactly one chair");
            }
            if (!names.add(p.name())) throw new IllegalArgumentException("commission names " + p.name() + " twice");
        }
        rows = Check.nonEmpty("rows", rows);
        Check.present("zone", zone);
        reschedules = List.copyOf(Check.present("reschedules", reschedules));
        Set<String> scorers = new HashSet<>();
        commission.stream().filter(Person::scores).forEach(p -> scorers.add(p.name()));
        for (int i = 0; i < rows.size(); i++) {
            for (String member : rows.get(i).scores().keySet()) {
                if (!scorers.contains(member)) {
                    throw new IllegalArgumentException(
                            "rows[" + i + "].scores[" + member + "] is not a scoring member of the commission");
                }
            }
        }
    }

    /** The members who score, in commission order (6.15.6: every member scores). */
    public List<Person> scorers() {
        return commission.stream().filter(Person::scores).toList();
    }
}

package kz.emtihan.sitting.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.sitting.model.FailureDecision;
import kz.emtihan.sitting.model.Phase;
import kz.emtihan.text.Language;

/**
 * The electronic act of technical failure (6.15.2), drawn up by the technical secretary when a failure or lost
 * connection stops a student's exam or defence, with each member's vote as cast, the collegial decision and the new
 * time it gives. A copy goes to every commission member the same day.
 *
 * @param sittingTitle programme and sitting as printed under the heading
 * @param number       the act's number in the sitting, from 1
 * @param date         the day of the act; {@code at} must fall on it in {@code zone}
 * @param language     the sitting's language
 * @param student      the student whose exam was stopped
 * @param at           when the failure happened
 * @param zone         the zone the sitting's times are shown in (named on the paper)
 * @param stageReached how far the student got
 * @param ticket       the ticket drawn, if one was
 * @param description  what failed, as observed by the technical secretary
 * @param commission   chair, members and the technical secretary (who draws up the act); they sign
 * @param votes        each member's vote as cast; one per member, members only; none before the members vote
 * @param decision     the collegial decision once every member has voted
 * @param newTime      the new time the decision gives, once recorded; only with a decision giving another time
 */
public record FailureActDocument(
        String sittingTitle,
        int number,
        LocalDate date,
        Language language,
        String student,
        Instant at,
        ZoneId zone,
        Phase stageReached,
        Optional<ActTicket> ticket,
        String description,
        List<Person> commission,
        List<Vote> votes,
        Optional<FailureDecision> decision,
        Optional<Instant> newTime) {

    public FailureActDocument {
        sittingTitle = Check.text("sittingTitle", sittingTitle);
        if (number < 1) throw new IllegalArgumentException("number must be positive, was " + number);
        Check.present("date", date);
        Check.present("language", language);
        student = Check.text("student", student);
        Check.present("at", at);
        Check.present("zone", zone);
        if (!at.atZone(zone).toLocalDate().equals(date)) {
            throw new IllegalArgumentException("at " + at + " is not on date " + date + " in zone " + zone);
        }
        Check.present("stageReached", stageReached);
        Check.present("ticket", ticket);
        description = Check.text("description", description);
        commission = Check.nonEmpty("commission", commission);
        if (commission.stream().filter(p -> p.role() == Person.Role.SECRETARY).count() != 1)
            throw new IllegalArgumentException("commission must name its one technical secretary (6.15.2)");
        Check.present("votes", votes);
        votes = List.copyOf(votes);
        Set<String> voters = new HashSet<>();
        Set<String> scorers = new HashSet<>();
        commission.stream().filter(Person::scores).forEach(p -> scorers.add(p.name()));
        for (Vote v : votes) {
            if (!voters.add(v.member())) throw new IllegalArgumentException("votes name " + v.member() + " twice");
            if (!scorers.contains(v.member()))
                throw new IllegalArgumentException("votes name " + v.member() + ", who is not a voting member");
        }
        Check.present("decision", decision);
        Check.present("newTime", newTime);
        if (newTime.isPresent()
                && decision.map(d -> d.choice() == FailureDecision.Choice.REFUSE)
                        .orElse(true))
            throw new IllegalArgumentException("newTime goes only with a decision giving another time (6.15.2)");
    }

    /** The technical secretary who draws up the act (6.15.2). */
    public String secretary() {
        return commission.stream()
                .filter(p -> p.role() == Person.Role.SECRETARY)
                .findFirst()
                .orElseThrow()
                .name();
    }
}

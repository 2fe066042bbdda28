package kz.emtihan.sitting.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.text.Language;

/**
 * The electronic act of technical failure (6.15.2), drawn up by the technical secretary when a failure or
 * lost connection stops a student's exam or defence, with the members' collegial decision on another time.
 * A copy goes to every commission member the same day.
 *
 * @param sittingTitle programme and sitting as printed under the heading
 * @param date         the day of the sitting and of the act; {@code at} must fall on it in {@code zone}
 * @param language     the sitting's language
 * @param student      the student whose exam was stopped
 * @param at           when the failure happened
 * @param zone         the zone the sitting's times are shown in
 * @param stageReached how far the student got (identification, ticket drawn, preparation, answer...)
 * @param description  what failed, as observed by the technical secretary
 * @param secretary    the technical secretary who draws up the act
 * @param votes        each member's vote on the decision; one vote per member; none before the members decide
 * @param decision     the decision, e.g. another time the same day or another sitting in the current period; while
 *                     pending, the words saying so
 * @param ticketKept   whether the student keeps the ticket already drawn
 * @param newTime      the new time as it is to be printed, if one was set
 */
public record FailureActDocument(
        String sittingTitle,
        LocalDate date,
        Language language,
        String student,
        Instant at,
        ZoneId zone,
        String stageReached,
        String description,
        String secretary,
        List<Vote> votes,
        String decision,
        boolean ticketKept,
        Optional<String> newTime) {

    public FailureActDocument {
        sittingTitle = Check.text("sittingTitle", sittingTitle);
        Check.present("date", date);
        Check.present("language", language);
        student = Check.text("student", student);
        Check.present("at", at);
        Check.present("zone", zone);
        if (!at.atZone(zone).toLocalDate().equals(date)) {
            throw new IllegalArgumentException("at " + at + " is not on date " + date + " in zone " + zone);
        }
        stageReached = Check.text("stageReached", stageReached);
        description = Check.text("description", description);
        secretary = Check.text("secretary", secretary);
        Check.present(
                "votes",
                votes); // empty while the members have not voted: the act is a paper from the moment it is drawn up
        votes = List.copyOf(votes);
        Set<String> voters = new HashSet<>();
        for (Vote v : votes) {
            if (!voters.add(v.member())) throw new IllegalArgumentException("votes name " + v.member() + " twice");
        }
        decision = Check.text("decision", decision);
        Check.present("newTime", newTime);
        newTime = newTime.map(t -> Check.text("newTime", t));
    }
}

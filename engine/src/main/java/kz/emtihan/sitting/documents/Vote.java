package kz.emtihan.sitting.documents;

import kz.emtihan.sitting.model.FailureDecision;

/**
 * One commission member's vote on the collegial decision recorded in an act of technical failure (6.15.2), as cast:
 * another time the same day, another sitting in the current academic period, or no other time.
 *
 * @param member the member's name
 * @param choice what the member voted for
 */
public record Vote(String member, FailureDecision.Choice choice) {

    public Vote {
        member = Check.text("member", member);
        Check.present("choice", choice);
    }
}

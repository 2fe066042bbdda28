package kz.emtihan.sitting.documents;

/**
 * One commission member's vote on the collegial decision recorded in an act of technical failure (6.15.2).
 *
 * @param member the member's name
 * @param choice how the member voted
 */
public record Vote(String member, Choice choice) {

    /** A member's position on the proposed decision. */
    public enum Choice {
        FOR,
        AGAINST,
        ABSTAIN
    }

    public Vote {
        member = Check.text("member", member);
        Check.present("choice", choice);
    }
}

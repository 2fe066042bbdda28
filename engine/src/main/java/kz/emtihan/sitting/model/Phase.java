package kz.emtihan.sitting.model;

/**
 * 6.15.6: where a student's oral exam stands. WAITING covers identification, the desk and room check and the
 * ticket draw; PREPARATION starts when the ticket's questions are shown; ANSWER is spoken before all commission
 * members; DONE when the answer is over. Phases only move forward.
 */
public enum Phase {
    WAITING,
    PREPARATION,
    ANSWER,
    DONE
}

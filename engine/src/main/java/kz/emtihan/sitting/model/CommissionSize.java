package kz.emtihan.sitting.model;

/**
 * 6.15.6: how many members the examining commission has, the chair included ({@code finalAttestation.commissionMin}
 * and {@code commissionMax}). The regulation names no number; the shipped 3..7 means no one member's score decides a
 * result alone (the result is the mean or median of every member's score, an act is decided by a majority), and few
 * enough that every member sees and hears the student in one video room.
 */
public record CommissionSize(int min, int max) {
    public CommissionSize {
        if (min < 1 || max < min) throw new IllegalArgumentException("commission size " + min + ".." + max);
    }

    public boolean allows(int members) {
        return members >= min && members <= max;
    }
}

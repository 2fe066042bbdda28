package kz.emtihan.bank;

import java.time.Instant;
import kz.emtihan.calendar.model.AcademicCalendar;

/** 5.24-5.26: what scheduling asks of a bank's life before an exam is made from it. */
public final class BankUse {
    private BankUse() {}

    /**
     * A midterm or an intermediate attestation (7.6 names both) is scheduled only on a bank approved and concluded
     * "may be used" for the academic year of the exam's window; current control is the teacher's own task (5.19).
     */
    public static void require(BankStore.BankHeader bank, String kind, Instant opensAt, AcademicCalendar calendar) {
        if (kind.equals("current-control")) return;
        bank.life().requireUsable(calendar.academicYearOf(calendar.date(opensAt)));
    }
}

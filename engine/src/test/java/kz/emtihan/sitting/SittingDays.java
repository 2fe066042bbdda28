package kz.emtihan.sitting;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The day the test sittings are held: today in the sittings' zone (finalAttestation.timeZone), since the steps of the
 * exam are taken on the sitting's day only (6.15.6). Tests of that rule use another day.
 */
public final class SittingDays {
    /** config/regulation.yaml: finalAttestation.timeZone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    private SittingDays() {}

    public static String today() {
        return LocalDate.now(ZONE).toString();
    }
}

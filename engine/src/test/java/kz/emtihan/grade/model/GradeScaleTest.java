package kz.emtihan.grade.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import kz.emtihan.TestEngine;
import kz.emtihan.config.ConfigLoader;
import kz.emtihan.config.Regulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradeScaleTest {
    static final Regulation REG = ConfigLoader.load(Optional.of(TestEngine.configDir()), java.util.Map.of())
            .regulation();

    @ParameterizedTest(name = "{0}% is {1}")
    @CsvSource({
        "100,A,4.0,excellent",
        "95,A,4.0,excellent",
        "94.99,A-,3.67,excellent",
        "90,A-,3.67,excellent",
        "89.99,B+,3.33,good",
        "85,B+,3.33,good",
        "84,B,3.0,good",
        "80,B,3.0,good",
        "79.5,B-,2.67,good",
        "75,B-,2.67,good",
        "74,C+,2.33,satisfactory",
        "70,C+,2.33,satisfactory",
        "69,C,2.0,satisfactory",
        "65,C,2.0,satisfactory",
        "64,C-,1.67,satisfactory",
        "60,C-,1.67,satisfactory",
        "59,D+,1.33,satisfactory",
        "55,D+,1.33,satisfactory",
        "54,D,1.0,satisfactory",
        "50,D,1.0,satisfactory",
        "49.99,FX,0.5,unsatisfactory",
        "25,FX,0.5,unsatisfactory",
        "24.99,F,0.0,unsatisfactory",
        "0,F,0.0,unsatisfactory"
    })
    void everyBoundaryOfTheCreditScale(double percent, String letter, double gpa, String traditional) { // 5.28-5.29
        GradeBand b = REG.scale().bandOf(percent);
        assertEquals(letter, b.letter());
        assertEquals(gpa, b.gpa());
        assertEquals(traditional, b.traditional());
    }

    @Test
    void pointsBecomePercentRoundedToTwoDecimals() {
        Grade g = REG.scale().grade(27, 30);
        assertEquals(90.0, g.percent());
        assertEquals("A-", g.letter());
        assertEquals(66.67, REG.scale().grade(20, 30).percent());
    }

    @Test
    void percentOutsideTheScaleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> REG.scale().bandOf(100.01));
        assertThrows(IllegalArgumentException.class, () -> REG.scale().bandOf(-1));
    }

    @Test
    void finalRatingIsSixtyFortyAndAdmissionNeedsFifty() {
        RatingFormula f = REG.rating();
        assertEquals(82.0, f.finalRating(80, 85));
        assertEquals(false, f.admitted(49.9));
        assertEquals(true, f.admitted(50));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} from {1} % is {2} %")
    @CsvSource({
        "A, 80, 95", // raised: the bottom of A
        "B+, 80, 85",
        "C, 80, 69.99", // lowered: just under C+ (5.28)
        "B-, 80, 79.99",
        "B, 80, 80", // inside the band: unchanged
        "F, 80, 24.99"
    })
    void anAppealsLetterMovesThePercentToTheNearestItsBandCovers(String letter, double from, double expected) {
        GradeBand band = REG.scale().band(letter).orElseThrow();
        double moved = REG.scale().nearestIn(band, from);
        assertEquals(expected, moved, 1e-9);
        assertEquals(letter, REG.scale().bandOf(moved).letter(), "the moved percent is in the band");
    }

    @Test
    void aLetterTheScaleDoesNotHaveHasNoBand() {
        assertEquals(Optional.empty(), REG.scale().band("Z"));
    }
}

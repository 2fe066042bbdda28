package kz.emtihan.bank.imports;

import static kz.emtihan.bank.model.Difficulty.EASY;
import static kz.emtihan.bank.model.Difficulty.HARD;
import static kz.emtihan.bank.model.Difficulty.MEDIUM;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CategoryPathTest {

    @Test
    void dropsTheContextAndTopAndTakesTheDifficultySegment() {
        assertEquals(new CategoryPath("Algebra", Optional.of(HARD)), CategoryPath.parse("$course$/top/Algebra/hard"));
    }

    @Test
    void dropsEveryKindOfContextPrefix() {
        for (String context :
                new String[] {"$course$", "$system$", "$module$", "$cat1$", "$cat2$", "$coursecategory$"}) {
            assertEquals(
                    "Physics / Optics",
                    CategoryPath.parse(context + "/top/Physics/Optics").topic(),
                    context);
        }
    }

    @Test
    void pathsWithoutAContextOrTopAreTopicsAsTheyStand() {
        assertEquals(
                new CategoryPath("Algebra / Linear", Optional.of(EASY)), CategoryPath.parse("Algebra/Linear/easy"));
    }

    @Test
    void onlyALeadingTopIsDropped() {
        assertEquals(
                "Mountains / top",
                CategoryPath.parse("$course$/top/Mountains/top").topic());
        assertEquals("", CategoryPath.parse("$course$/top").topic());
    }

    @Test
    void aDifficultySegmentAnywhereIsNotPartOfTheTopic() {
        assertEquals(
                new CategoryPath("Физика / Механика", Optional.of(MEDIUM)),
                CategoryPath.parse("$course$/top/Физика/СРЕДНИЙ/Механика"));
    }

    @Test
    void theDeepestDifficultySegmentWins() {
        assertEquals(
                Optional.of(HARD),
                CategoryPath.parse("$course$/top/easy/Algebra/Күрделі").difficulty());
    }

    @Test
    void aDoubledSlashIsALiteralSlashAsInMoodle() {
        assertEquals(
                new CategoryPath("Input/Output / Files", Optional.of(MEDIUM)),
                CategoryPath.parse("$course$/top/Input//Output/Files/medium"));
    }

    @Test
    void segmentsAreTrimmedAndEmptyOnesDropped() {
        assertEquals(
                "Algebra / Groups",
                CategoryPath.parse(" $course$ / top /  Algebra /  / Groups ").topic());
    }

    @Test
    void noPathIsNoTopicAndNoDifficulty() {
        assertEquals(CategoryPath.NONE, CategoryPath.parse(""));
        assertEquals(CategoryPath.NONE, CategoryPath.parse(null));
    }
}

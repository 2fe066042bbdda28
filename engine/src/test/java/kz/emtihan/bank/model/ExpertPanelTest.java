package kz.emtihan.bank.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 5.24: experts are not among the bank's compilers; the panel names the current academic year or the next. */
class ExpertPanelTest {
    static final Passport PASSPORT =
            new Passport("Algebra", "6B01501", "kk", List.of("Айгүл  Сейітқызы", "B. Compiler"), List.of());

    @Test
    void aCompilerIsTheOwnerACoAuthorOrANameOfThePassport() {
        assertTrue(ExpertPanel.isCompiler("t1", "T One", PASSPORT, "t1", List.of()), "the owner");
        assertTrue(ExpertPanel.isCompiler("t2", "T Two", PASSPORT, "t1", List.of("t2")), "a co-author");
        assertTrue(
                ExpertPanel.isCompiler("e1", "айгүл сейітқызы", PASSPORT, "t1", List.of()),
                "a passport name, without case and extra spaces");
        assertTrue(ExpertPanel.isCompiler("b. compiler", "Someone", PASSPORT, "t1", List.of()), "or the account id");
        assertFalse(ExpertPanel.isCompiler("e2", "Another Expert", PASSPORT, "t1", List.of("t2")));
    }

    @Test
    void aPanelIsForTheCurrentAcademicYearOrTheNext() {
        assertTrue(ExpertPanel.assignable("2026-2027", "2026-2027"));
        assertTrue(ExpertPanel.assignable("2027-2028", "2026-2027"), "the panel for next year (approved in March)");
        assertFalse(ExpertPanel.assignable("2025-2026", "2026-2027"), "not a past year");
        assertFalse(ExpertPanel.assignable("2028-2029", "2026-2027"));
        assertFalse(ExpertPanel.assignable("2026-2028", "2026-2027"), "two consecutive years");
        assertFalse(ExpertPanel.assignable("2026", "2026-2027"));
        assertEquals(Optional.empty(), ExpertPanel.firstYear(null));
        assertEquals("2027-2028", ExpertPanel.next("2026-2027"));
    }
}

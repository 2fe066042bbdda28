package kz.emtihan.bank.model;

import java.util.ArrayList;
import java.util.List;

/** 5.22: every bank's passport: discipline, programme, language of instruction, compilers, allowed references. */
public record Passport(
        String discipline, String programme, String language, List<String> compilers, List<String> references) {
    public Passport {
        compilers = List.copyOf(compilers);
        references = List.copyOf(references);
    }

    /** What is missing for the passport to be complete (5.22); empty when complete. */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        if (discipline.isBlank()) out.add("discipline");
        if (programme.isBlank()) out.add("programme");
        if (language.isBlank()) out.add("language");
        if (compilers.stream().allMatch(String::isBlank)) out.add("compilers");
        return out;
    }
}

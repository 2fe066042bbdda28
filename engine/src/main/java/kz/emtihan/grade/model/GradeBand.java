package kz.emtihan.grade.model;

/** One row of the credit system's scale (5.28): from {@code minPercent} up, this letter, GPA points, traditional grade. */
public record GradeBand(int minPercent, String letter, double gpa, String traditional) {}

package kz.emtihan.grade.model;

/** A graded result: points out of {@code maxPoints}, the percent, and its place on the scale. */
public record Grade(double points, int maxPoints, double percent, String letter, double gpa, String traditional) {}

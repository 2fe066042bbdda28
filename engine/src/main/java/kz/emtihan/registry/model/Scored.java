package kz.emtihan.registry.model;

/** A graded result as the registry prints it (5.28): points, percent, letter, GPA and the traditional grade's code. */
public record Scored(double points, double percent, String letter, double gpa, String traditional) {}

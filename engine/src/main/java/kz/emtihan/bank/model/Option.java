package kz.emtihan.bank.model;

/** One answer option. The id is stable for the life of the question and says nothing about correctness. */
public record Option(String id, String text) {}

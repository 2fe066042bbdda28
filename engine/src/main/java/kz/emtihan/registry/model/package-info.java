/**
 * The registry's rules (issue 13, 5: 5.30, 5.33, 5.36-5.38, 6.10) as pure functions: where a student's admission
 * rating comes from, the final rating and its grade, which result of a retake chain counts, and the export table.
 */
package kz.emtihan.registry.model;

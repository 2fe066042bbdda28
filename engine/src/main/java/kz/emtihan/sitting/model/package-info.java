/**
 * Oral final attestation (6.15-6.15.6), the rules only: plain records, enums and pure functions, no Vert.x, Redis,
 * JSON or clock of its own (every instant is passed in and is the server's).
 * <ul>
 *   <li>{@link kz.emtihan.sitting.model.StudentFlow}, {@link kz.emtihan.sitting.model.StudentState},
 *       {@link kz.emtihan.sitting.model.StudentStep}, {@link kz.emtihan.sitting.model.SittingRole}: the one table of
 *       what may happen to a student of a sitting and when, acts, postponements and appeals included (issue 10).</li>
 *   <li>{@link kz.emtihan.sitting.model.TicketDraw}, {@link kz.emtihan.sitting.model.TicketPool}: the ticket draw
 *       (6.15.6), checkable by commit-reveal.</li>
 *   <li>{@link kz.emtihan.sitting.model.PhaseClock}, {@link kz.emtihan.sitting.model.PhaseLimits},
 *       {@link kz.emtihan.sitting.model.Phase}: preparation up to 20 minutes, answer 10-15 minutes (6.15.6).</li>
 *   <li>{@link kz.emtihan.sitting.model.Commission}, {@link kz.emtihan.sitting.model.CommissionScores},
 *       {@link kz.emtihan.sitting.model.Aggregation}: every member scores, hidden until all have, mean or median to
 *       a letter through the configured grade scale, the chair confirms (6.15.6, 5.28).</li>
 *   <li>{@link kz.emtihan.sitting.model.Appeal}, {@link kz.emtihan.sitting.model.WorkCalendar}: 48 hours to appeal,
 *       meeting within 2 working days, result within 1 (6.15.4-6.15.5).</li>
 *   <li>{@link kz.emtihan.sitting.model.IncompleteGrade}: "I" turns into "F" at its deadline (6.15.2-6.15.3).</li>
 *   <li>{@link kz.emtihan.sitting.model.TechnicalFailureAct}, {@link kz.emtihan.sitting.model.FailureDecision}: the
 *       act of technical failure and the commission's collegial decision (6.15.2).</li>
 * </ul>
 *
 * <h2>Checking a ticket draw from outside</h2>
 * The authoritative description for outsiders is {@code docs/verification.md} ("The ticket draw"), with a worked
 * example; the verify page ({@code verify.html}) and {@code kz.emtihan.audit.Verify --draws} replay a closed sitting's
 * draws from it. In short:
 * Before a sitting's first draw the engine publishes {@code commitment = hex(SHA-256(seed))} for a secret 32-byte
 * seed. Each draw records its number in the sitting (1, 2, ...), the student id, the word the student gave before the
 * draw ("" if none) and the ticket. After the sitting's last draw the engine reveals {@code hex(seed)}; revealing it
 * earlier would let anyone compute the draws still to come. To check, replay the draws in order:
 * <pre>{@code
 * import hashlib, hmac
 * seed = bytes.fromhex(revealed_seed_hex)
 * assert hashlib.sha256(seed).hexdigest() == commitment.lower()
 * seen = {}                                    # student -> tickets that student has drawn
 * drawn = set()                                # every ticket drawn in the sitting
 * for n, student, word, recorded in draws:     # n = 1, 2, 3 ...
 *     if with_replacement: available = sorted(set(tickets) - seen.get(student, set()))
 *     else:                available = sorted(set(tickets) - drawn)
 *     msg = "\n".join(["emtihan-ticket-v1", sitting_id, student, str(n), word]).encode("utf-8")
 *     i = int.from_bytes(hmac.new(seed, msg, hashlib.sha256).digest(), "big") % len(available)
 *     assert available[i] == recorded
 *     drawn.add(recorded); seen.setdefault(student, set()).add(recorded)
 * }</pre>
 * The commitment proves the seed was fixed before the draws; the student's word, unknown to the engine when it
 * committed, stops the engine from having picked a seed that gives a chosen student a chosen ticket.
 */
package kz.emtihan.sitting.model;

/**
 * The questions a student marked to look at again (attempt page): kept on this device only, per attempt, in
 * storage (localStorage); the server does not need them. A storage that fails keeps the marks for this page.
 */
export class QuestionMarks {
  constructor(storage, attemptId) {
    this.storage = storage;
    this.key = `emtihan.marked.${attemptId}`;
    this.marked = new Set();
  }

  /** Reads the marks kept for this attempt (none when nothing or something unreadable is kept). */
  load() {
    try {
      this.marked = new Set(JSON.parse(this.storage?.getItem(this.key) ?? '[]'));
    } catch {
      this.marked = new Set();
    }
    return this;
  }

  has(questionId) {
    return this.marked.has(questionId);
  }

  /** Marks or unmarks the question and keeps the marks; true when it is marked now. */
  toggle(questionId) {
    if (this.marked.has(questionId)) this.marked.delete(questionId);
    else this.marked.add(questionId);
    try {
      this.storage?.setItem(this.key, JSON.stringify([...this.marked]));
    } catch {
      // not kept across a reload; the marks still work on this page
    }
    return this.marked.has(questionId);
  }

  /** The numbers (from 1) of the marked questions, in the attempt's order. */
  numbers(questions) {
    return questions.map((q, i) => (this.marked.has(q.id) ? i + 1 : null)).filter(Boolean);
  }
}

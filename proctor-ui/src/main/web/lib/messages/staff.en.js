/** Filled in later; missing keys fall back to English. */
export default {};

/** Kazakh: the pages of extensions and individual statements (5.34-5.35). Keys start with 'statement.'. */
export default {};

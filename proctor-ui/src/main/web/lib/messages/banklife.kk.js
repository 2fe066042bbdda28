/** Kazakh: the pages of a bank's life: approval, expert review, locks (5.19, 5.24-5.27, 5.31). Keys start with 'banklife.'. */
export default {};

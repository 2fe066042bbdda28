/** Kazakh: the pages of the registry: ratings, exports, grade sheets, retakes (5.30, 5.33, 5.36-5.38, 6.10). Keys start with 'registry.'. */
export default {};

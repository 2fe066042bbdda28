package kz.emtihan.web;

import java.util.regex.Pattern;

/**
 * Issue 15 (7): where a page's file is. Each page lives in its own folder with its modules,
 * {@code pages/<name>/<name>.html}, and is served at the address it always had, {@code /<name>.html}: the links
 * between pages, the bookmarks and the browser tests stay as they were, and the HTML names its script and styles
 * relative to that address ({@code pages/<name>/<name>.js}, {@code css/app.css}; docs/proctor-ui-layout.md).
 */
final class Pages {
    private static final Pattern PAGE = Pattern.compile("/([a-z0-9][a-z0-9-]*)\\.html");
    private static final Pattern IN_FOLDER = Pattern.compile("/pages/.*\\.html");

    private Pages() {}

    /**
     * The file under the root for a requested path: a page's address becomes its folder's HTML, any other path
     * stays as it is; null for a page's HTML asked by its folder path, which is no address of a page (its relative
     * links would point into its folder).
     */
    static String file(String path) {
        if (PAGE.matcher(path).matches()) {
            String name = path.substring(1, path.length() - ".html".length());
            return "/pages/" + name + "/" + name + ".html";
        }
        return IN_FOLDER.matcher(path).matches() ? null : path;
    }
}

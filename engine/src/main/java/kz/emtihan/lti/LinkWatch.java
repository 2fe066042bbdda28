package kz.emtihan.lti;

import java.util.function.Consumer;

/**
 * Issue 16 (3): what a node's memory of "which exams have a resource link" listens to ({@link LinkNews}): an exam that
 * got a new link, everything at once (news may have been missed), and whether the news are heard at all now.
 */
public interface LinkWatch {
    void watch(Consumer<String> examLinked, Runnable forgetAll);

    /** Whether news are heard now; when not, a memory of "no link" must not be trusted. */
    boolean live();

    /** No news and no other node (one node, tests): memory is trusted for its time. */
    LinkWatch NONE = new LinkWatch() {
        @Override
        public void watch(Consumer<String> examLinked, Runnable forgetAll) {}

        @Override
        public boolean live() {
            return true;
        }
    };
}

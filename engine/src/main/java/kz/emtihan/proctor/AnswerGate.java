package kz.emtihan.proctor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The media server's ICE candidates for an endpoint wait here until that endpoint's SDP answer has been written to
 * its page's socket (a browser refuses a candidate before its answer; the pages also keep an early one, to be
 * safe). Endpoints are keyed {@code owner/stream/peer}. Sends run under the lock, in the order they were made; each
 * only hands a message to Redis, so none blocks.
 */
final class AnswerGate {
    private final Map<String, List<Runnable>> held = new HashMap<>();
    private final Set<String> answered = new HashSet<>();

    static String key(String owner, String stream, String peer) {
        return owner + "/" + stream + "/" + peer;
    }

    /** An offer for the endpoint goes to the server: its candidates wait for the new answer. */
    synchronized void expect(String key) {
        answered.remove(key);
        held.remove(key);
    }

    /** The answer is on the page: what was held goes out now, and later candidates at once. */
    synchronized void delivered(String key) {
        answered.add(key);
        List<Runnable> waiting = held.remove(key);
        if (waiting != null) waiting.forEach(Runnable::run);
    }

    /** Sends now if the endpoint's answer is on its page, else once it is. */
    synchronized void send(String key, Runnable out) {
        if (answered.contains(key)) out.run();
        else held.computeIfAbsent(key, k -> new ArrayList<>()).add(out);
    }

    /** Forgets every endpoint of the owner (released, or lost with the server). */
    synchronized void forget(String owner) {
        answered.removeIf(k -> k.startsWith(owner + "/"));
        held.keySet().removeIf(k -> k.startsWith(owner + "/"));
    }

    /** Forgets one endpoint (its viewer went away). */
    synchronized void forgetOne(String key) {
        answered.remove(key);
        held.remove(key);
    }
}

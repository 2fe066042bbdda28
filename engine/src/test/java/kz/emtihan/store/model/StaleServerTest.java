package kz.emtihan.store.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import kz.emtihan.store.model.StaleServer.Recorded;
import kz.emtihan.store.model.StaleServer.Seen;
import org.junit.jupiter.api.Test;

/** Issue 14 (3): a start stops a Redis only when it is certainly the orphan of an engine on this very directory. */
class StaleServerTest {
    private static final Path DIR = Path.of("/srv/emtihan/data/redis");
    private static final Optional<Recorded> RECORDED = Optional.of(new Recorded(4242, 40001));

    private static Optional<Seen> seen(String exe, String cwd, String cmdline) {
        return Optional.of(new Seen(Optional.of(exe), Optional.ofNullable(cwd).map(Path::of), Optional.of(cmdline)));
    }

    @Test
    void anOrphanOfOursIsStopped() {
        var d = StaleServer.decide(
                true,
                RECORDED,
                seen("/usr/bin/redis-check-rdb", DIR.toString(), "/usr/bin/redis-server 127.0.0.1:40001"),
                DIR);
        assertEquals(new StaleServer.Stop(4242, 40001), d);
        var shipped = StaleServer.decide(
                true,
                RECORDED,
                seen("/tmp/redis-server-6.2.6-v5-linux-amd64", DIR.toString(), "x 127.0.0.1:40001"),
                DIR);
        assertEquals(new StaleServer.Stop(4242, 40001), shipped);
    }

    @Test
    void nothingRecordedOrGoneOrAReusedPidIsLeftAlone() {
        assertInstanceOf(StaleServer.Clear.class, StaleServer.decide(true, Optional.empty(), Optional.empty(), DIR));
        assertInstanceOf(StaleServer.Clear.class, StaleServer.decide(true, RECORDED, Optional.empty(), DIR));
        assertInstanceOf(
                StaleServer.Clear.class,
                StaleServer.decide(true, RECORDED, seen("/usr/bin/postgres", DIR.toString(), "postgres"), DIR),
                "the pid now belongs to something else");
        assertInstanceOf(
                StaleServer.Clear.class,
                StaleServer.decide(
                        true, RECORDED, seen("/usr/bin/redis-server", "/var/lib/redis", "redis-server *:6379"), DIR),
                "another Redis, in another directory");
    }

    @Test
    void aRunningEngineOrAnUncheckableServerIsRefusedWithASentence() {
        var locked = StaleServer.decide(false, RECORDED, Optional.empty(), DIR);
        assertInstanceOf(StaleServer.Refuse.class, locked);
        assertTrue(((StaleServer.Refuse) locked).why().contains("another Emtihan engine is running"));
        var unknownDir = StaleServer.decide(
                true,
                RECORDED,
                Optional.of(new Seen(Optional.of("/usr/bin/redis-server"), Optional.empty(), Optional.empty())),
                DIR);
        assertTrue(((StaleServer.Refuse) unknownDir).why().contains("kill 4242"));
        var otherPort = StaleServer.decide(
                true,
                RECORDED,
                seen("/usr/bin/redis-server", DIR.toString(), "/usr/bin/redis-server 127.0.0.1:6379"),
                DIR);
        assertInstanceOf(StaleServer.Refuse.class, otherPort);
    }

    @Test
    void thePidFileIsReadBackOrIgnoredWhenDamaged() {
        assertEquals(RECORDED, Recorded.parse(new Recorded(4242, 40001).line()));
        assertEquals(Optional.empty(), Recorded.parse("garbage"));
        assertEquals(Optional.empty(), Recorded.parse(""));
    }
}

package kz.emtihan.store.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Optional;
import kz.emtihan.store.model.RedisServerChoice.Installed;
import kz.emtihan.store.model.RedisServerChoice.Shipped;
import org.junit.jupiter.api.Test;

class RedisServerChoiceTest {
    private static final Optional<String> PATH = Optional.of("/usr/bin/redis-server");

    @Test
    void autoPrefersAnInstalledRedisOfSevenOrNewer() {
        var debian = RedisServerChoice.choose(
                "auto",
                PATH,
                Optional.of("Redis server v=7.0.15 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=1"));
        assertEquals(new Installed("/usr/bin/redis-server", "7.0.15"), debian);
        assertInstanceOf(
                Installed.class, RedisServerChoice.choose("auto", PATH, Optional.of("Redis server v=8.2.1 sha=0")));
    }

    @Test
    void autoKeepsTheShippedBinaryWhenTheInstalledOneIsOlder() {
        var old = RedisServerChoice.choose("auto", PATH, Optional.of("Redis server v=6.2.6 sha=00000000:0"));
        assertInstanceOf(Shipped.class, old);
        assertEquals(true, old.describe().contains("6.2.6, older than 7"));
    }

    @Test
    void autoKeepsTheShippedBinaryWhenNoneIsInstalledOrItSaysNothing() {
        assertInstanceOf(Shipped.class, RedisServerChoice.choose("auto", Optional.empty(), Optional.empty()));
        assertInstanceOf(Shipped.class, RedisServerChoice.choose("auto", PATH, Optional.empty()));
        assertInstanceOf(Shipped.class, RedisServerChoice.choose("auto", PATH, Optional.of("segmentation fault")));
    }

    @Test
    void embeddedAndAnExplicitPathAreObeyed() {
        var shipped = RedisServerChoice.choose("embedded", PATH, Optional.of("Redis server v=7.2.4 sha=0"));
        assertInstanceOf(Shipped.class, shipped);
        assertEquals(
                new Installed("/opt/redis/bin/redis-server", "7.4.0"),
                RedisServerChoice.choose(
                        "/opt/redis/bin/redis-server", Optional.empty(), Optional.of("Redis server v=7.4.0 sha=0")));
    }

    @Test
    void readsTheVersionOutOfTheBannerOnly() {
        assertEquals(
                Optional.of("7.0.15"),
                RedisServerChoice.version("Redis server v=7.0.15 sha=00000000:0 malloc=jemalloc"));
        assertEquals(Optional.empty(), RedisServerChoice.version("Redis server version unknown"));
    }
}

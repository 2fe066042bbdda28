package kz.emtihan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 (2): the slot a key hashes to, with Redis Cluster's hash-tag rules, and batches split per slot. */
class SlotsTest {
    @Test
    void slotsAreTheServersOwn() {
        // values of CLUSTER KEYSLOT (the Cluster specification's examples and a real server's answers)
        assertEquals(12739, Slots.of("123456789")); // CRC16/XMODEM check value 0x31C3
        assertEquals(12182, Slots.of("foo"));
        assertEquals(5061, Slots.of("bar"));
        assertEquals(Slots.of("user1000"), Slots.of("{user1000}.following"));
        assertEquals(Slots.of("{user1000}.following"), Slots.of("{user1000}.followers"));
        assertEquals(Slots.of("bar"), Slots.of("foo{bar}{zap}"), "the first tag only");
        assertEquals(Slots.of("{bar"), Slots.of("foo{{bar}}zap"), "from the first { to the first } after it");
        assertNotEquals(Slots.of("bar"), Slots.of("foo{}{bar}"), "an empty tag: the whole key is hashed");
        assertEquals(Slots.of("foo{}{bar}"), Slots.of("foo{}{bar}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void besideNamesAKeyInTheSameSlot() {
        assertEquals("{bank:b1}:trail", Slots.beside("bank:b1", ":trail"));
        assertEquals(Slots.of("bank:b1"), Slots.of(Slots.beside("bank:b1", ":trail")));
        // a key with a tag already lends it as it is, so a renaming of the owner reaches the secondary key
        assertEquals("exam:{e1}:personal:open:s1", Slots.beside("exam:{e1}:personal", ":open:s1"));
        assertEquals(Slots.of("exam:{e1}:personal"), Slots.of(Slots.beside("exam:{e1}:personal", ":open:s1")));
        assertEquals("e1", Slots.hashed("exam:{e1}:personal"));
        assertEquals("exam:e1:personal", Slots.hashed("exam:e1:personal"));
        assertEquals(Slots.of("sitting:{x"), Slots.of(Slots.beside("sitting:{x", ":seed")), "an unclosed { is no tag");
    }

    @Test
    void aBatchSplitsPerSlotInOrderWithAnnouncementsBesideTheirChange() {
        List<Request> batch = List.of(
                Request.cmd(Command.HSET).arg("user:a").arg("n").arg("1"), // 0
                Request.cmd(Command.SADD).arg("users").arg("a"), // 1
                Request.cmd(Command.HINCRBY).arg("user:a").arg("v").arg(1), // 2
                Request.cmd(Command.PUBLISH).arg("auth:standing").arg("a"), // 3: no key, with 2
                Request.cmd(Command.SET).arg(Slots.beside("user:a", ":photo")).arg("x")); // 4: user:a's slot
        List<List<Integer>> groups = Slots.groups(batch);
        assertEquals(List.of(List.of(0, 2, 3, 4), List.of(1)), groups);
        assertEquals(
                List.of(List.of(0, 1)),
                Slots.groups(List.of(
                        Request.cmd(Command.TIME), Request.cmd(Command.GET).arg("x"))),
                "a leading request without keys joins the first group");
        assertThrows(
                IllegalArgumentException.class,
                () -> Slots.groups(List.of(Request.cmd(Command.MGET).arg("a").arg("b"))),
                "one command over two slots cannot be split into groups");
    }
}

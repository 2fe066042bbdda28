package kz.emtihan.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Language;
import org.junit.jupiter.api.Test;

/** The plug-in rules of the live socket, without a socket: who may claim which type and topic, and how refusals read. */
class LiveRegistryTest {
    private static LiveFeature feature(String owner, Set<String> types, Set<Topic> topics) {
        return new LiveFeature() {
            @Override
            public String owner() {
                return owner;
            }

            @Override
            public Set<String> handles() {
                return types;
            }

            @Override
            public Set<Topic> topics() {
                return topics;
            }

            @Override
            public MessageHandler open(LiveConnection connection) {
                return (type, message) -> {};
            }
        };
    }

    @Test
    void aMessageTypeHasOneOwner() {
        LiveRegistry registry = new LiveRegistry(null);
        registry.register(feature("exam", Set.of("attempt"), Set.of()));
        IllegalStateException twice = assertThrows(
                IllegalStateException.class, () -> registry.register(feature("sitting", Set.of("attempt"), Set.of())));
        assertTrue(twice.getMessage().contains("sitting") && twice.getMessage().contains("exam"), twice.getMessage());
        IllegalStateException ping = assertThrows(
                IllegalStateException.class, () -> registry.register(feature("proctor", Set.of("ping"), Set.of())));
        assertTrue(ping.getMessage().contains("live"), "ping is the socket's own: " + ping.getMessage());
        assertEquals(Map.of("ping", "live", "attempt", "exam"), registry.types(), "a refused feature adds nothing");
    }

    @Test
    void aTopicHasOneOwnerAndThePeerTopicIsLives() {
        LiveRegistry registry = new LiveRegistry(null);
        registry.register(feature("exam", Set.of(), Set.of(new Topic("exam"))));
        assertThrows(
                IllegalStateException.class,
                () -> registry.register(feature("proctor", Set.of(), Set.of(new Topic("exam")))));
        assertThrows(
                IllegalStateException.class, () -> registry.register(feature("sitting", Set.of(), Set.of(Topic.PEER))));
        assertEquals(Map.of(Topic.PEER, "live", new Topic("exam"), "exam"), registry.topics());
    }

    @Test
    void topicsSpellTheChannelsTheScriptsPublishOn() {
        assertEquals(kz.emtihan.exam.ExamKeys.examChannel("e1"), new Topic("exam").channel("e1"));
        assertEquals(kz.emtihan.exam.ExamKeys.attemptChannel("a1"), new Topic("attempt").channel("a1"));
        assertEquals("live:peer:p1", LiveHub.peerChannel("p1"));
        assertEquals("live:room:r1", RoomMedia.channel("r1"));
        assertThrows(IllegalArgumentException.class, () -> new Topic("live:exam"), "a name, not a channel");
    }

    @Test
    void aRefusalIsSentWithItsCodeAndItsSentenceInTheSocketsLanguage() {
        Refusal refused = Refusal.of(LiveRefusal.SIGNAL_REFUSED, LiveReasons.notInRoom("p2", "r1"));
        JsonObject ru = LiveConnection.error(refused, Language.RU);
        assertEquals("error", ru.getString("type"));
        assertEquals("signal-refused", ru.getString("error"));
        assertEquals("Сигнал не передан: участника p2 нет в комнате r1.", ru.getString("message"));
        assertEquals("участника p2 нет в комнате r1.", ru.getJsonObject("args").getString("reason"));
        assertEquals(
                "Сигнал жіберілмеді: p2 қатысушысы r1 бөлмесінде жоқ.",
                LiveConnection.error(refused, Language.KK).getString("message"));
        assertEquals(
                "The signal was not passed on: peer p2 is not in room r1.",
                LiveConnection.error(refused, Language.EN).getString("message"));
    }

    @Test
    void anotherContextsRefusalBecomesTheReasonAndAnyOtherFailureIsSaidAsGiven() {
        Refusal forbidden = Refusal.of(CommonRefusal.FORBIDDEN);
        JsonObject room = LiveConnection.error(
                Refusal.of(LiveRefusal.ROOM_REFUSED, LiveConnection.reason(forbidden)), Language.EN);
        assertEquals("room-refused", room.getString("error"));
        assertEquals("You cannot enter the video room: You are not allowed to do this.", room.getString("message"));
        JsonObject media = LiveConnection.error(
                Refusal.of(
                        LiveRefusal.MEDIA_REFUSED,
                        LiveConnection.reason(new IllegalStateException("SDP is malformed"))),
                Language.KK);
        assertEquals("Медиасерверге арналған хабарлама жіберілмеді: SDP is malformed", media.getString("message"));
    }
}

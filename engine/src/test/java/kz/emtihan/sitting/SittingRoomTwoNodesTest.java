package kz.emtihan.sitting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import kz.emtihan.TestEngine;
import kz.emtihan.TestSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sitting's video room when the secretary's page and the student's page are on different engine nodes (issue 5, 1). */
class SittingRoomTwoNodesTest {
    static final String SHARED_SECRET = "a-secret-both-nodes-share-0123456789";
    static TestEngine first;
    static TestEngine second;

    @BeforeAll
    static void start() {
        first = TestEngine.start(Map.of("EMTIHAN_AUTH_JWT_SECRET", SHARED_SECRET));
        second = TestEngine.start(Map.of(
                "EMTIHAN_REDIS_URL",
                first.engine().embeddedRedis().orElseThrow().url(),
                "EMTIHAN_AUTH_JWT_SECRET",
                SHARED_SECRET));
        first.users("commission", "nc1", "nm1", "nm2", "nac", "nad");
        first.users("secretary", "nsec");
        first.users("student", "ns1");
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void membersOnTwoNodesHearEachOtherAndSignalAcross() throws Exception {
        JsonObject body = new JsonObject()
                .put("kind", "comprehensive-exam")
                .put("title", "Two nodes")
                .put("date", kz.emtihan.sitting.SittingDays.today())
                .put("language", "en")
                .put(
                        "commission",
                        new JsonObject()
                                .put("chair", "nc1")
                                .put("members", new JsonArray().add("nm1").add("nm2"))
                                .put("secretary", "nsec"))
                .put(
                        "appealCommission",
                        new JsonObject()
                                .put("chair", "nac")
                                .put("deputy", "nad")
                                .put("members", new JsonArray()))
                .put("students", new JsonArray().add("ns1"));
        String id = first.post("/api/v1/sittings", first.admin(), body).json().getString("id");
        assertEquals(
                200,
                first.post("/api/v1/sittings/" + id + "/students/ns1/admit", first.loginAs("nsec"), null)
                        .status());

        TestSocket secretary = TestSocket.ready(first, first.loginAs("nsec"));
        String secPeer = secretary.joinRoom(id).getJsonObject("self").getString("peer");
        TestSocket student = TestSocket.ready(second, first.loginAs("ns1"));
        JsonObject joined = student.joinRoom(id);
        assertEquals(
                secPeer,
                joined.getJsonArray("peers").getJsonObject(0).getString("peer"),
                "the room is one, whichever node");
        String stPeer = joined.getJsonObject("self").getString("peer");
        JsonObject heard;
        do {
            heard = secretary.next("room");
        } while (!stPeer.equals(heard.getJsonObject("peer").getString("peer")));
        assertEquals(
                "joined", heard.getString("event"), "the secretary's node hears the student joining on the other node");

        student.send(new JsonObject()
                .put("type", "room-signal")
                .put("to", secPeer)
                .put("data", new JsonObject().put("kind", "offer").put("sdp", "x")));
        JsonObject offer = secretary.next("room-signal");
        assertEquals(stPeer, offer.getString("from"));
        secretary.send(new JsonObject()
                .put("type", "room-signal")
                .put("to", stPeer)
                .put("data", new JsonObject().put("kind", "answer").put("sdp", "y")));
        assertEquals(
                "answer",
                student.next("room-signal").getJsonObject("data").getString("kind"),
                "and the answer goes back across");

        student.close();
        JsonObject left;
        do {
            left = secretary.next("room");
        } while (!"left".equals(left.getString("event")));
        assertEquals(stPeer, left.getJsonObject("peer").getString("peer"));
        secretary.close();
    }
}

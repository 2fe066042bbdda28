package kz.emtihan.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.auth.model.Role;
import kz.emtihan.lti.model.ResourceLink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 16 (1-2): the directory the grade and roster services read, and the tool's published keys. */
@SharedEngine
class RedisLtiDirectoryTest {
    static TestEngine app;
    static LtiModule lti;

    @BeforeAll
    static void start(TestEngine shared) {
        app = shared;
        lti = app.engine().services().lti();
    }

    @Test
    void theToolSignsWithAKeyItsWellKnownJwksPublishes() throws Exception {
        var key = lti.directory().signingKey().await(10, TimeUnit.SECONDS);
        String jws = Jwts.builder()
                .header()
                .keyId(key.kid())
                .and()
                .subject("x")
                .signWith(key.key(), Jwts.SIG.RS256)
                .compact();
        for (String path : List.of("/.well-known/jwks.json", "/lti/jwks.json")) {
            var reply = app.get(path, null);
            assertEquals(200, reply.status(), path);
            var set = Jwks.setParser().build().parse(reply.body());
            var jwk = set.getKeys().stream()
                    .filter(k -> k.getId().equals(key.kid()))
                    .findFirst()
                    .orElseThrow();
            assertTrue(reply.body().indexOf("\"d\"") < 0, "no private part is published");
            assertEquals(
                    "x",
                    Jwts.parser()
                            .verifyWith((java.security.PublicKey) jwk.toKey())
                            .build()
                            .parseSignedClaims(jws)
                            .getPayload()
                            .getSubject());
        }
    }

    @Test
    void aPlatformUserIsOneAccountByPlatformAndSubAndALinkIsListedUnderItsExam() throws Exception {
        String platform = "dir-test-" + System.nanoTime();
        var dir = lti.directory();
        String id = dir.userFor(platform, "sub-1", "Aigerim Bekova", "aigerim@example.kz", Role.STUDENT)
                .await(10, TimeUnit.SECONDS);
        assertEquals(
                id,
                dir.userFor(platform, "sub-1", "Aigerim Bekova", null, Role.STUDENT)
                        .await(10, TimeUnit.SECONDS));
        assertNotEquals(
                id, dir.userFor(platform, "sub-2", "Other", null, Role.STUDENT).await(10, TimeUnit.SECONDS));
        assertEquals(Optional.of("sub-1"), dir.subjectOf(platform, id).await(10, TimeUnit.SECONDS));
        var user = app.engine()
                .services()
                .users()
                .find(id)
                .await(10, TimeUnit.SECONDS)
                .orElseThrow();
        assertEquals("Aigerim Bekova", user.name());
        assertEquals(java.util.Set.of(Role.STUDENT), user.roles());
        var link = new ResourceLink(
                platform,
                "d1",
                "c1",
                "rl1",
                "exam-" + platform,
                "https://lms/li/1",
                "https://lms/li",
                List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                "https://lms/m");
        lti.store().saveLink(link).await(10, TimeUnit.SECONDS);
        assertEquals(List.of(link), dir.linksOfExam("exam-" + platform).await(10, TimeUnit.SECONDS));
        var moved = new ResourceLink(platform, "d1", "c1", "rl1", "other-" + platform, null, null, List.of(), null);
        lti.store().saveLink(moved).await(10, TimeUnit.SECONDS);
        assertEquals(List.of(), dir.linksOfExam("exam-" + platform).await(10, TimeUnit.SECONDS));
        assertEquals(List.of(moved), dir.linksOfExam("other-" + platform).await(10, TimeUnit.SECONDS));
    }
}

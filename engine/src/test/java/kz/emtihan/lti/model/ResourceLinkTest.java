package kz.emtihan.lti.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16 (1): a resource link belongs to the deployment and course it was made in. */
class ResourceLinkTest {
    static ResourceLink link(String deployment, String context) {
        return new ResourceLink("p", deployment, context, "rl", "exam", null, null, List.of(), null);
    }

    @Test
    void aLaunchOfTheLinksOwnDeploymentAndCourseIsOfIt() {
        assertTrue(link("1", "c1").sameCourse("1", "c1"));
        assertTrue(link("1", null).sameCourse("1", null)); // a platform that sends no context claim
    }

    @Test
    void anotherDeploymentOrCourseCarryingTheLinksIdIsNot() {
        assertFalse(link("1", "c1").sameCourse("2", "c1"));
        assertFalse(link("1", "c1").sameCourse("1", "c2"));
        assertFalse(link("1", "c1").sameCourse("1", null));
        assertFalse(link("1", null).sameCourse("1", "c1"));
    }
}

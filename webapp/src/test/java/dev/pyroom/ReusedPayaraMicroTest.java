package dev.pyroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

class ReusedPayaraMicroTest {

    @Test
    void theSameContentMakesTheSameDigestWhateverItsOrder() {
        WebArchive one = war("a", "b").addAsLibrary(settings("key=1"));
        WebArchive other = ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .addAsLibrary(settings("key=1"))
                .addAsWebResource(new StringAsset("b"), "b.txt")
                .addAsWebResource(new StringAsset("a"), "a.txt");

        assertEquals(ReusedPayaraMicro.digest(one), ReusedPayaraMicro.digest(other));
    }

    @Test
    void anotherSettingInANestedLibraryMakesAnotherDigest() {
        assertNotEquals(
                ReusedPayaraMicro.digest(war("a", "b").addAsLibrary(settings("key=1"))),
                ReusedPayaraMicro.digest(war("a", "b").addAsLibrary(settings("key=2"))));
    }

    @Test
    void anotherFileContentMakesAnotherDigest() {
        assertNotEquals(ReusedPayaraMicro.digest(war("a", "b")), ReusedPayaraMicro.digest(war("a", "c")));
    }

    private static WebArchive war(String a, String b) {
        return ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .addAsWebResource(new StringAsset(a), "a.txt")
                .addAsWebResource(new StringAsset(b), "b.txt");
    }

    private static JavaArchive settings(String properties) {
        return ShrinkWrap.create(JavaArchive.class, "test-config.jar")
                .addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties");
    }
}

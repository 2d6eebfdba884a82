package dev.pyroom.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginTest {

    @Test
    void anOriginHeaderNamesSchemeHostAndPort() {
        assertEquals(Optional.of(new Origin("http", "localhost", 8080)), Origin.parse("http://localhost:8080"));
    }

    @Test
    void schemeAndHostCompareWithoutCase() {
        assertEquals(Origin.parse("https://pyroom.example.edu"), Origin.parse("HTTPS://Pyroom.Example.EDU"));
    }

    @Test
    void aMissingPortIsTheSchemesDefault() {
        assertEquals(Origin.parse("https://pyroom.example.edu"), Origin.parse("https://pyroom.example.edu:443"));
        assertEquals(Origin.parse("http://pyroom.example.edu"), Origin.parse("http://pyroom.example.edu:80"));
        assertNotEquals(Origin.parse("http://pyroom.example.edu"), Origin.parse("https://pyroom.example.edu"));
    }

    @Test
    void otherPortsSchemesAndHostsAreOtherOrigins() {
        Optional<Origin> pyroom = Origin.parse("http://localhost:8080");

        assertNotEquals(pyroom, Origin.parse("http://localhost:8081"));
        assertNotEquals(pyroom, Origin.parse("https://localhost:8080"));
        assertNotEquals(pyroom, Origin.parse("http://127.0.0.1:8080"));
        assertNotEquals(pyroom, Origin.parse("http://localhost.evil.example:8080"));
    }

    @Test
    void aRefererOrPublicUrlCountsOnlyForItsOrigin() {
        assertEquals(
                Origin.parse("https://pyroom.example.edu"),
                Origin.parse("https://pyroom.example.edu/my/editor.xhtml?workspace=3#main.py"));
        assertEquals(Origin.parse("https://pyroom.example.edu"), Origin.parse("https://pyroom.example.edu/"));
    }

    @Test
    void nullAndWhatIsNoWebAddressNameNoOrigin() {
        assertEquals(Optional.empty(), Origin.parse("null"));
        assertEquals(Optional.empty(), Origin.parse(null));
        assertEquals(Optional.empty(), Origin.parse(""));
        assertEquals(Optional.empty(), Origin.parse("file:///home/student/page.html"));
        assertEquals(Optional.empty(), Origin.parse("chrome-extension://abcdef"));
        assertEquals(Optional.empty(), Origin.parse("http://"));
        assertEquals(Optional.empty(), Origin.parse("http://exa mple.org"));
    }

    @Test
    void theAddressedOriginFollowsTheProxysSchemeAndTheHostHeader() {
        assertEquals(Origin.parse("http://localhost:37151"), Origin.addressed("http", null, "localhost:37151"));
        assertEquals(
                Origin.parse("https://pyroom.example.edu"), Origin.addressed("http", "https", "pyroom.example.edu"));
        assertEquals(
                Origin.parse("https://pyroom.example.edu"),
                Origin.addressed("http", "https, http", "pyroom.example.edu:443"));
        assertEquals(Origin.parse("http://[::1]:8080"), Origin.addressed("http", null, "[::1]:8080"));
        assertEquals(Optional.empty(), Origin.addressed("http", null, null));
    }

    @Test
    void tlsIsTheConnectionsOrTheProxys() {
        assertTrue(Origin.overTls(true, null));
        assertTrue(Origin.overTls(false, "HTTPS"));
        assertFalse(Origin.overTls(false, "http"));
        assertFalse(Origin.overTls(false, null));
    }
}

package jp.nexehrs.util;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UserHomeTest {
    @Test
    void aHomeSetApartFromTheAccountsHomeComesFirstAndTheAccountsHomeIsKept() {
        assertEquals(List.of(Path.of("/github/home"), Path.of("/root")), UserHome.folders("/github/home", "/root"));
    }

    @Test
    void theSameFolderTwiceIsOneHome() {
        assertEquals(List.of(Path.of("/home/editor")), UserHome.folders("/home/editor/", "/home/editor"));
    }

    @Test
    void withoutHomeTheAccountsHomeIsTheHome() {
        assertEquals(List.of(Path.of("/home/editor")), UserHome.folders(null, "/home/editor"));
        assertEquals(List.of(Path.of("/home/editor")), UserHome.folders(" ", "/home/editor"));
    }

    @Test
    void aRelativeHomeIsNoHome() {
        assertEquals(List.of(Path.of("/home/editor")), UserHome.folders("home", "/home/editor"));
    }

    @Test
    void noAbsoluteHomeAtAllIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> UserHome.folders(null, "?"));
        assertEquals("no home folder: neither HOME nor the JVM's user.home is an absolute path", e.getMessage());
    }
}

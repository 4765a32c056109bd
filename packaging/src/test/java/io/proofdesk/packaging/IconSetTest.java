package io.proofdesk.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IconSetTest {

    @ParameterizedTest(name = "{0} px: transparent corners, blue shield, white tick in the middle")
    @ValueSource(ints = {16, 32, 48, 256})
    void drawsAShieldWithACheckMark(int size) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(IconSet.png(size)));
        assertEquals(size, img.getWidth());
        assertEquals(size, img.getHeight());
        assertEquals(0, img.getRGB(0, 0) >>> 24, "top-left corner is transparent");
        assertEquals(0, img.getRGB(size - 1, size - 1) >>> 24, "bottom-right corner is transparent");
        int shield = img.getRGB(size * 20 / 100, size * 30 / 100);
        assertEquals(255, shield >>> 24);
        assertTrue((shield & 0xFF) > ((shield >> 16) & 0xFF), "the shield is blue");
        int tick = img.getRGB(size * 44 / 100, size * 64 / 100); // the check mark's corner
        assertTrue(((tick >> 16) & 0xFF) > 230 && ((tick >> 8) & 0xFF) > 230 && (tick & 0xFF) > 230, "the tick is white");
    }

    @Test
    void sameSourceSameBytes() {
        assertArrayEquals(IconSet.png(64), IconSet.png(64));
    }

    @Test
    void icoIndexesEveryPngItHolds() {
        byte[] ico = IconSet.ico();
        ByteBuffer b = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, b.getShort(0));
        assertEquals(1, b.getShort(2));
        int n = b.getShort(4);
        assertEquals(IconSet.ICO_SIZES.size(), n);
        for (int i = 0; i < n; i++) {
            int entry = 6 + 16 * i;
            int side = Byte.toUnsignedInt(ico[entry]);
            assertEquals(IconSet.ICO_SIZES.get(i) % 256, side);
            int length = b.getInt(entry + 8);
            int offset = b.getInt(entry + 12);
            assertArrayEquals(IconSet.png(IconSet.ICO_SIZES.get(i)), Arrays.copyOfRange(ico, offset, offset + length));
        }
    }

    @Test
    void icnsLengthsAddUp() {
        byte[] icns = IconSet.icns();
        ByteBuffer b = ByteBuffer.wrap(icns);
        assertEquals("icns", new String(icns, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(icns.length, b.getInt(4));
        int pos = 8;
        int elements = 0;
        while (pos < icns.length) {
            pos += b.getInt(pos + 4);
            elements++;
        }
        assertEquals(icns.length, pos);
        assertEquals(IconSet.ICNS_TYPES.size(), elements);
    }

    @Test
    void writesTheHicolorTree(@TempDir Path dir) throws IOException {
        IconSet.writeAll(dir);
        for (int size : IconSet.PNG_SIZES) {
            Path png = dir.resolve("hicolor/" + size + "x" + size + "/apps/proofdesk.png");
            assertEquals(size, ImageIO.read(png.toFile()).getWidth(), png.toString());
        }
        assertTrue(Files.size(dir.resolve("proofdesk.ico")) > 1000);
        assertTrue(Files.size(dir.resolve("proofdesk.icns")) > 1000);
    }
}

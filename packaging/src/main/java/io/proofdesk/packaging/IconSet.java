package io.proofdesk.packaging;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proofdesk's icon — a shield with a check mark — drawn with Java2D, so the icon is source code that anyone can
 * rebuild rather than a binary of unknown origin. Writes the PNG sizes desktops ask for, a Windows {@code .ico}
 * and a macOS {@code .icns} (both just containers of PNGs).
 */
public final class IconSet {

    /** The hicolor theme sizes Linux desktops look up; 1024 is for macOS. */
    public static final List<Integer> PNG_SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512, 1024);
    static final List<Integer> ICO_SIZES = List.of(16, 24, 32, 48, 64, 128, 256);
    /** ICNS element types holding PNG data, by pixel size. */
    static final Map<Integer, String> ICNS_TYPES = icnsTypes();

    private static final Color TOP = new Color(0x3B82F6);
    private static final Color BOTTOM = new Color(0x1E3A8A);
    private static final Color RIM = new Color(0x172554);

    private IconSet() {
    }

    private static Map<Integer, String> icnsTypes() {
        Map<Integer, String> m = new LinkedHashMap<>();
        m.put(16, "icp4");
        m.put(32, "icp5");
        m.put(64, "icp6");
        m.put(128, "ic07");
        m.put(256, "ic08");
        m.put(512, "ic09");
        m.put(1024, "ic10");
        return m;
    }

    /** The icon at {@code size}x{@code size} pixels, transparent around the shield. */
    public static BufferedImage render(int size) {
        if (size < 16 || size > 4096) {
            throw new IllegalArgumentException("icon size must be 16..4096, was " + size);
        }
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(size / 100.0, size / 100.0);
            Path2D shield = new Path2D.Double();
            shield.moveTo(50, 4);
            shield.lineTo(89, 17);
            shield.lineTo(89, 46);
            shield.curveTo(89, 71, 73, 88, 50, 97);
            shield.curveTo(27, 88, 11, 71, 11, 46);
            shield.lineTo(11, 17);
            shield.closePath();
            g.setPaint(new GradientPaint(0, 4, TOP, 0, 97, BOTTOM));
            g.fill(shield);
            // the rim keeps the shape readable on light and dark panels alike
            g.setPaint(RIM);
            g.setStroke(new BasicStroke(size < 32 ? 5f : 3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(shield);
            Path2D check = new Path2D.Double();
            check.moveTo(30, 51);
            check.lineTo(44, 65);
            check.lineTo(71, 36);
            g.setPaint(Color.WHITE);
            // small sizes get a bolder tick so it survives being 16 pixels tall
            g.setStroke(new BasicStroke(size < 32 ? 14f : 10f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(check);
        } finally {
            g.dispose();
        }
        return img;
    }

    static byte[] png(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(render(size), "png", out)) {
                throw new IllegalStateException("this JDK has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A Windows icon: ICONDIR, one ICONDIRENTRY per size, then the PNG images (supported since Windows Vista). */
    static byte[] ico() {
        List<byte[]> images = ICO_SIZES.stream().map(IconSet::png).toList();
        int offset = 6 + 16 * images.size();
        ByteBuffer head = ByteBuffer.allocate(offset).order(ByteOrder.LITTLE_ENDIAN);
        head.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        for (int i = 0; i < images.size(); i++) {
            int s = ICO_SIZES.get(i);
            head.put((byte) (s >= 256 ? 0 : s)).put((byte) (s >= 256 ? 0 : s)); // 0 means 256
            head.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            head.putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.array());
        images.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** A macOS icon family: "icns", total length, then (type, length, PNG) elements; big-endian throughout. */
    static byte[] icns() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            DataOutputStream d = new DataOutputStream(body);
            for (Map.Entry<Integer, String> e : ICNS_TYPES.entrySet()) {
                byte[] image = png(e.getKey());
                d.writeBytes(e.getValue());
                d.writeInt(8 + image.length);
                d.write(image);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DataOutputStream o = new DataOutputStream(out);
            o.writeBytes("icns");
            o.writeInt(8 + body.size());
            body.writeTo(o);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code <dir>/hicolor/<n>x<n>/apps/proofdesk.png} for every size (the freedesktop icon-theme layout),
     * {@code <dir>/proofdesk.png} (256, what jpackage takes), {@code proofdesk.ico} and {@code proofdesk.icns}.
     */
    public static void writeAll(Path dir) throws IOException {
        for (int size : PNG_SIZES) {
            Path file = dir.resolve("hicolor/" + size + "x" + size + "/apps/proofdesk.png");
            Files.createDirectories(file.getParent());
            Files.write(file, png(size));
        }
        Files.write(dir.resolve("proofdesk.png"), png(256));
        Files.write(dir.resolve("proofdesk.ico"), ico());
        Files.write(dir.resolve("proofdesk.icns"), icns());
    }
}

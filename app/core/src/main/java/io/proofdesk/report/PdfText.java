package io.proofdesk.report;

import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes text drawable with a Standard 14 font (WinAnsi): characters the font cannot encode become '?', a few common
 * ones get ASCII look-alikes, control characters become spaces. One instance per document and font.
 */
final class PdfText {

    private final PDFont font;
    private final Map<Integer, String> cache = new HashMap<>();

    PdfText(PDFont font) {
        this.font = font;
    }

    PDFont font() {
        return font;
    }

    String safe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.append(cache.computeIfAbsent(cp, this::map)));
        return sb.toString();
    }

    private String map(int cp) {
        if (cp < 0x20 || cp == 0x7f) {
            return " ";
        }
        String c = new String(Character.toChars(cp));
        try {
            font.encode(c);
            return c;
        } catch (IOException | IllegalArgumentException e) {
            return switch (cp) {
                case 0x2016 -> "||";
                case 0x2264 -> "<=";
                case 0x2265 -> ">=";
                case 0x0394 -> "delta";
                case 0x2192 -> "->";
                case 0x2212 -> "-";
                default -> "?";
            };
        }
    }

    float width(String s, float size) {
        try {
            return font.getStringWidth(safe(s)) / 1000f * size;
        } catch (IOException e) {
            return s.length() * size * 0.6f;
        }
    }

    /** Cuts {@code s} to fit {@code max} points, ending in "..." when cut. */
    String fit(String s, float size, float max) {
        String t = safe(s);
        if (width(t, size) <= max) {
            return t;
        }
        int lo = 0;
        int hi = t.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (width(t.substring(0, mid) + "...", size) <= max) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return t.substring(0, lo) + "...";
    }

    /** Splits {@code s} into lines of at most {@code max} points, breaking at spaces where possible. */
    java.util.List<String> wrap(String s, float size, float max) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : safe(s).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, size) <= max) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String w = word;
            while (width(w, size) > max && w.length() > 1) {
                int cut = w.length() - 1;
                while (cut > 1 && width(w.substring(0, cut), size) > max) {
                    cut--;
                }
                lines.add(w.substring(0, cut));
                w = w.substring(cut);
            }
            line.append(w);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}

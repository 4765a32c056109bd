package io.proofdesk.packaging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The build steps of {@code packaging/linux/build.sh} that are easier to get right in Java than in shell:
 * <pre>
 *   icons DIR                                  the icon set ({@link IconSet#writeAll})
 *   trim IN OUT DROP_PREFIX [KEEP_PREFIX...]   a jar without other platforms' natives ({@link JarNatives})
 *   extract JAR FOLDER TARGET                  the files of one folder of a jar
 * </pre>
 * Exits 3 on a wrong command line and 4 on a failure, with one sentence on stderr.
 */
public final class PackagingTool {

    private PackagingTool() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        try {
            System.out.println(run(List.of(args)));
        } catch (IllegalArgumentException e) {
            System.err.println("packaging: " + e.getMessage());
            System.exit(3);
        } catch (IOException e) {
            System.err.println("packaging: " + e.getMessage());
            System.exit(4);
        }
    }

    static String run(List<String> args) throws IOException {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("usage: icons DIR | trim IN OUT DROP_PREFIX [KEEP...] | extract JAR FOLDER TARGET");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.getFirst()) {
            case "icons" -> {
                need(rest, 1, "icons DIR");
                IconSet.writeAll(Path.of(rest.getFirst()));
                yield "icons: " + IconSet.PNG_SIZES + " + .ico + .icns in " + rest.getFirst();
            }
            case "trim" -> {
                if (rest.size() < 3) {
                    throw new IllegalArgumentException("usage: trim IN OUT DROP_PREFIX [KEEP_PREFIX...]");
                }
                JarNatives rule = new JarNatives(rest.get(2), rest.subList(3, rest.size()));
                int dropped = rule.trim(Path.of(rest.get(0)), Path.of(rest.get(1)));
                yield "trim: " + Path.of(rest.get(0)).getFileName() + " -" + dropped + " entries under " + rest.get(2)
                        + (rule.keep().isEmpty() ? "" : " (kept " + String.join(", ", rule.keep()) + ")");
            }
            case "extract" -> {
                need(rest, 3, "extract JAR FOLDER TARGET");
                int n = JarNatives.extract(Path.of(rest.get(0)), rest.get(1), Path.of(rest.get(2)));
                yield "extract: " + n + " files from " + rest.get(1) + " to " + rest.get(2);
            }
            default -> throw new IllegalArgumentException("unknown step '" + args.getFirst() + "' in " + Arrays.toString(args.toArray()));
        };
    }

    private static void need(List<String> rest, int n, String usage) {
        if (rest.size() != n) {
            throw new IllegalArgumentException("usage: " + usage);
        }
    }
}

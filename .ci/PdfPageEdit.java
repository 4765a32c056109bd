import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The forger's side of .ci/pdfsig-check.sh: edits page 2 (the records table) of a report PDF, with PDFBox from the
 * CLI's lib folder (java -cp 'app/cli/target/lib/*' .ci/PdfPageEdit.java MODE IN OUT).
 *   incremental: the red team's edit — the first "(MISMATCH)" drawn on page 2 becomes "(VERIFIED)", appended to the
 *                signed bytes as an incremental update, as PDF editors save;
 *   flip:        one bit in the middle of page 2's content stream data is changed in place (the file keeps its
 *                length).
 */
public class PdfPageEdit {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: PdfPageEdit incremental|flip IN.pdf OUT.pdf");
            System.exit(2);
        }
        byte[] pdf = Files.readAllBytes(Path.of(args[1]));
        byte[] out = switch (args[0]) {
            case "incremental" -> incremental(pdf);
            case "flip" -> flip(pdf);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        };
        Files.write(Path.of(args[2]), out);
    }

    private static byte[] incremental(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(1);
            List<PDStream> streams = new ArrayList<>();
            boolean found = false;
            for (Iterator<PDStream> it = page.getContentStreams(); it.hasNext(); ) {
                String s = new String(it.next().toByteArray(), StandardCharsets.ISO_8859_1);
                if (!found && s.contains("(MISMATCH)")) {
                    s = s.replaceFirst("\\(MISMATCH\\)", "(VERIFIED)");
                    found = true;
                }
                streams.add(new PDStream(doc, new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1)),
                        COSName.FLATE_DECODE));
            }
            if (!found) {
                throw new IllegalStateException("page 2 draws no (MISMATCH) row");
            }
            page.setContents(streams);
            page.getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static byte[] flip(byte[] pdf) throws Exception {
        long offset = -1;
        long length = 0;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSBase contents = doc.getPage(1).getCOSObject().getItem(COSName.CONTENTS);
            List<COSBase> streams = new ArrayList<>();
            if (contents instanceof COSArray a) {
                a.forEach(streams::add);
            } else {
                streams.add(contents);
            }
            // the page's drawing is its longest content stream (PDFBox wraps it in short q/Q streams)
            for (COSBase b : streams) {
                if (b instanceof COSObject o && o.getObject() instanceof COSStream st && st.getLength() > length) {
                    Long at = doc.getDocument().getXrefTable().get(o.getKey());
                    if (at != null && at > 0) {
                        offset = at;
                        length = st.getLength();
                    }
                }
            }
        }
        if (offset < 0) {
            throw new IllegalStateException("page 2's content stream has no file offset");
        }
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int data = text.indexOf("stream", (int) offset) + "stream".length();
        while (pdf[data] == '\r' || pdf[data] == '\n') {
            data++;
        }
        byte[] out = pdf.clone();
        out[data + (int) (length / 2)] ^= 0x01;
        return out;
    }
}

package io.proofdesk.node.cid;

import com.google.protobuf.CodedOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The root block of the dag-pb/UnixFS DAG that {@code ipfs add} builds with its default settings (kubo's
 * "unixfs-v0-2015" profile: CIDv0, 256 KiB fixed-size chunks, leaves as UnixFS File nodes rather than raw blocks,
 * balanced layout with at most 174 links per node). Only hashes are kept while building, so memory stays at one
 * chunk plus one row of links per level.
 *
 * <p>The layout mirrors go-unixfs {@code balanced.Layout}: a one-chunk file is its own root; otherwise the current
 * root becomes the first child of a root one level deeper, whose remaining slots are filled with full subtrees.
 */
final class UnixFsFileDag {

    static final int CHUNK_SIZE = 262_144;
    static final int MAX_LINKS = 174;

    // UnixFS Data message (unixfs.proto) field numbers and the File type
    private static final int UNIXFS_TYPE = 1;
    private static final int UNIXFS_DATA = 2;
    private static final int UNIXFS_FILESIZE = 3;
    private static final int UNIXFS_BLOCKSIZES = 4;
    private static final int UNIXFS_TYPE_FILE = 2;
    // dag-pb PBNode / PBLink field numbers (links are written before data, as dag-pb requires)
    private static final int PBNODE_DATA = 1;
    private static final int PBNODE_LINKS = 2;
    private static final int PBLINK_HASH = 1;
    private static final int PBLINK_NAME = 2;
    private static final int PBLINK_TSIZE = 3;

    /** A finished node: its sha2-256 multihash, the file bytes below it, and its Tsize (block + all descendants). */
    record Node(byte[] multihash, long fileSize, long cumulativeSize) {
    }

    private final byte[] file;
    private int offset;

    private UnixFsFileDag(byte[] file) {
        this.file = file;
    }

    static Node root(byte[] file) {
        return new UnixFsFileDag(file).build();
    }

    private Node build() {
        Node root = leaf();
        for (int depth = 1; !done(); depth++) {
            Parent parent = new Parent();
            parent.add(root);
            root = fill(parent, depth);
        }
        return root;
    }

    private Node fill(Parent node, int depth) {
        while (node.links.size() < MAX_LINKS && !done()) {
            node.add(depth == 1 ? leaf() : fill(new Parent(), depth - 1));
        }
        return node.commit();
    }

    private boolean done() {
        return offset >= file.length;
    }

    private Node leaf() {
        int end = Math.min(file.length, offset + CHUNK_SIZE);
        byte[] chunk = Arrays.copyOfRange(file, offset, end);
        offset = end;
        byte[] unixfs = encode(out -> {
            out.writeEnum(UNIXFS_TYPE, UNIXFS_TYPE_FILE);
            if (chunk.length > 0) {
                out.writeByteArray(UNIXFS_DATA, chunk);
            }
            out.writeUInt64(UNIXFS_FILESIZE, chunk.length);
        });
        byte[] block = encode(out -> out.writeByteArray(PBNODE_DATA, unixfs));
        return new Node(multihash(block), chunk.length, block.length);
    }

    private static final class Parent {
        private final List<Node> links = new ArrayList<>();

        void add(Node child) {
            links.add(child);
        }

        Node commit() {
            long fileSize = links.stream().mapToLong(Node::fileSize).sum();
            byte[] unixfs = encode(out -> {
                out.writeEnum(UNIXFS_TYPE, UNIXFS_TYPE_FILE);
                out.writeUInt64(UNIXFS_FILESIZE, fileSize);
                for (Node child : links) {
                    out.writeUInt64(UNIXFS_BLOCKSIZES, child.fileSize());
                }
            });
            byte[] block = encode(out -> {
                for (Node child : links) {
                    byte[] link = encode(l -> {
                        l.writeByteArray(PBLINK_HASH, child.multihash());
                        l.writeString(PBLINK_NAME, "");
                        l.writeUInt64(PBLINK_TSIZE, child.cumulativeSize());
                    });
                    out.writeByteArray(PBNODE_LINKS, link);
                }
                out.writeByteArray(PBNODE_DATA, unixfs);
            });
            long cumulative = block.length + links.stream().mapToLong(Node::cumulativeSize).sum();
            return new Node(multihash(block), fileSize, cumulative);
        }
    }

    /** sha2-256 multihash: code 0x12, length 0x20, digest. */
    static byte[] multihash(byte[] block) {
        byte[] digest = Sha256.digest(block);
        byte[] mh = new byte[2 + digest.length];
        mh[0] = 0x12;
        mh[1] = 0x20;
        System.arraycopy(digest, 0, mh, 2, digest.length);
        return mh;
    }

    private interface Writer {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] encode(Writer writer) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            writer.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }
}

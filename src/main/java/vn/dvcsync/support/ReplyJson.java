package vn.dvcsync.support;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON mapper for replies of an outside service: a copy of the application's mapper whose parser refuses, as a
 * malformed reply, documents larger than the reply limit or of more tokens than one per {@value #BYTES_PER_TOKEN}
 * bytes of it, nesting deeper than {@value #MAX_DEPTH}, texts longer than {@value #MAX_TEXT} characters, numbers
 * of more than {@value #MAX_NUMBER} digits and names longer than {@value #MAX_NAME} characters (Jackson's defaults
 * allow a 20-million-character text and a nesting of 1,000).
 *
 * <p>The token limit bounds the parsed tree: a reply of many tiny values ({@code [{},{},…]}) takes ten times its
 * size as a tree, a real one (a portal dossier: about 1.2 KB in 66 tokens, 18 bytes a token) two to three times.
 */
public final class ReplyJson {

    static final int MAX_DEPTH = 64;
    static final int MAX_TEXT = 1 << 20;
    static final int MAX_NUMBER = 100;
    static final int MAX_NAME = 1000;
    static final int BYTES_PER_TOKEN = 64;

    private ReplyJson() {}

    public static ObjectMapper forReplies(ObjectMapper mapper, long maxReplyBytes) {
        ObjectMapper copy = mapper.copy();
        copy.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxReplyBytes)
                        .maxTokenCount(Math.max(1000, maxReplyBytes / BYTES_PER_TOKEN))
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_TEXT)
                        .maxNumberLength(MAX_NUMBER)
                        .maxNameLength(MAX_NAME)
                        .build());
        return copy;
    }
}

package io.voxprint.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;

/** One JSON object per line on stdout, so scripts can read results with any JSON tool. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode floats(float[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (float v : values) {
            a.add(v);
        }
        return a;
    }

    static ArrayNode longs(long[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (long v : values) {
            a.add(v);
        }
        return a;
    }

    static void print(PrintStream out, Object node) {
        try {
            out.println(MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

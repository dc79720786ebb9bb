package vn.dvcsync.mapping;

import java.nio.file.Path;

/** A file under {@code mappings/} is missing or wrong; the message names the file, line and key. */
public final class MappingException extends RuntimeException {

    MappingException(String message) {
        super(message);
    }

    MappingException(String message, Throwable cause) {
        super(message, cause);
    }

    static MappingException at(Path file, int line, String key, String problem) {
        return new MappingException(file + " line " + line + ", " + key + ": " + problem);
    }
}

package dev.serialscope.probe.framework;

/** The UTF-8 length of a String without encoding it: what the JSON text costs as bytes. */
final class Utf8 {

    private Utf8() {
    }

    static long length(String text) {
        int chars = text.length();
        long bytes = chars;
        for (int i = 0; i < chars; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes += 2; // 4 bytes for the pair of 2 chars
                    i++;
                } else {
                    bytes += 2; // 3 bytes; a lone surrogate becomes '?' (1 byte) in String.getBytes, see below
                    if (Character.isSurrogate(c)) {
                        bytes -= 2;
                    }
                }
            }
        }
        return bytes;
    }
}

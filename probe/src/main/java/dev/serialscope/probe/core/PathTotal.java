package dev.serialscope.probe.core;

/** What one field path of a traced call adds up to: the fields of one serialscope.SerializationComposition event. */
public final class PathTotal {

    public final String path;
    public final int level;
    public final Class<?> declaring;
    public final String field;
    public long bytes;
    public int objects;
    public int count;
    public long identity;
    public Class<?> valueClass;
    /** The path it is below, null at level 1 and where the tracer does not link paths (frameworks). */
    public final PathTotal parent;
    /** On the heaviest path of the call. */
    public boolean heavy;
    /** Bytes of the largest object on this path. */
    long largest = -1;

    public PathTotal(String path, int level, Class<?> declaring, String field) {
        this(path, level, declaring, field, null);
    }

    public PathTotal(String path, int level, Class<?> declaring, String field, PathTotal parent) {
        this.path = path;
        this.level = level;
        this.declaring = declaring;
        this.field = field;
        this.parent = parent;
    }

    /** One more object on this path: its bytes, the objects it added (0 where a serializer has no handles), class and identity. */
    public void add(long objectBytes, int objectCount, Class<?> type, long objectIdentity) {
        bytes += objectBytes;
        objects += Math.max(0, objectCount);
        identity = count == 0 ? objectIdentity : 0;
        count++;
        if (objectBytes > largest) {
            largest = objectBytes;
            valueClass = type;
        }
    }
}

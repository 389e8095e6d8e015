package dev.serialscope.e2e.programs;

/** A program that serializes nothing: it only prints, so the agent records at most channel traffic. */
public final class NothingSerialized {

    private NothingSerialized() {
    }

    public static void main(String[] args) {
        System.out.println("nothing serialized");
    }
}

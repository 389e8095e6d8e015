package dev.serialscope.bench;

/** The program whose start-up bench/startup.sh times: nothing but the JVM's own start and exit. */
public final class HelloWorld {

    private HelloWorld() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}

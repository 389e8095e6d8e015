package dev.serialscope.e2e.programs;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.startup.Tomcat;

/**
 * An embedded Tomcat 10 (no connector: nothing listens) whose StandardManager persists its sessions: a first start
 * creates {@link #SESSIONS} sessions with a shopping cart each, the stop writes them to SESSIONS.ser, the second
 * start reads them back, and its stop, with the sessions expired, writes an empty file. With the argument
 * {@code allow-list} the manager checks the classes it reads against Tomcat's own allow-list
 * (sessionAttributeValueClassNameFilter, enforced in the stream's resolveClass). Prints
 * "sessions N restored M file B" with the bytes of the file the first stop wrote.
 */
public final class TomcatSessions {

    public static final int SESSIONS = 20;
    public static final int ITEMS = 8;
    /** The classes a session holds: Tomcat's own fields, the attribute names, the cart. */
    public static final String ALLOW_LIST = "java\\.lang\\.(?:Boolean|Integer|Long|Number|String)|java\\.util\\."
            + "ArrayList|dev\\.serialscope\\.e2e\\.programs\\.TomcatSessions\\$(?:Cart|Item)";

    public record Item(String sku, int quantity, long cents) implements Serializable {
    }

    public static final class Cart implements Serializable {
        final List<Item> items = new ArrayList<>();
    }

    private TomcatSessions() {
    }

    public static void main(String[] args) throws Exception {
        boolean allowList = args.length > 0 && args[0].equals("allow-list");
        Path base = Files.createDirectories(Path.of("tomcat"));
        Path docBase = Files.createDirectories(base.resolve("webapp"));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toAbsolutePath().toString());
        Context context = tomcat.addContext("", docBase.toAbsolutePath().toString());
        Path file = base.resolve("SESSIONS.ser").toAbsolutePath();
        StandardManager manager = new StandardManager();
        manager.setPathname(file.toString());
        if (allowList) {
            manager.setSessionAttributeValueClassNameFilter(ALLOW_LIST);
        }
        context.setManager(manager);

        tomcat.start();
        for (int i = 0; i < SESSIONS; i++) {
            Cart cart = new Cart();
            for (int item = 0; item < ITEMS; item++) {
                cart.items.add(new Item("sku-" + (1000 + item), 1 + item, 100L * (i + item)));
            }
            Session session = manager.createSession(null);
            session.getSession().setAttribute("cart", cart);
        }
        tomcat.stop();
        long written = Files.size(file);

        tomcat.start();
        Session[] restored = manager.findSessions();
        int carts = 0;
        for (Session session : restored) {
            carts += session.getSession().getAttribute("cart") instanceof Cart cart && cart.items.size() == ITEMS ? 1 : 0;
            session.expire();
        }
        tomcat.stop();
        tomcat.destroy();
        System.out.println("sessions " + SESSIONS + " restored " + carts + " file " + written);
    }
}

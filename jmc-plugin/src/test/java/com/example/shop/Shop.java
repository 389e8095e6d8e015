package com.example.shop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.serialscope.probe.standin.AgentStandIn;

/**
 * A tiny application with three serialization habits, each from its own call site and channel: many small
 * orders over a socket, the same multi-MiB report exported again and again to a file, and sessions saved in
 * memory. The orders are read back, so both directions are recorded.
 */
public final class Shop {

    public static final String ORDER_CHANNEL = "socket 10.0.0.7:9000";
    public static final String REPORT_CHANNEL = "file /var/shop/reports/daily.bin";
    public static final String SESSION_CHANNEL = "memory";

    private static final int ORDERS = 400;
    private static final int REPORT_EXPORTS = 6;
    private static final int REPORT_BYTES = 5 * 1024 * 1024;
    private static final int SESSIONS = 60;

    private Shop() {
    }

    public static void run() {
        List<byte[]> sentOrders = sendOrders();
        receiveOrders(sentOrders);
        exportDailyReport();
        saveSessions();
    }

    private static List<byte[]> sendOrders() {
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            Order order = new Order(i, "customer-" + (i % 37), List.of("article-" + i, "article-" + (i + 1)));
            sent.add(AgentStandIn.writeObject(order, ORDER_CHANNEL));
        }
        return sent;
    }

    private static void receiveOrders(List<byte[]> orders) {
        for (byte[] order : orders) {
            AgentStandIn.readObject(order, ORDER_CHANNEL);
        }
    }

    /** Exports the same report object each time: the repeated-payload habit. */
    private static void exportDailyReport() {
        byte[] rows = new byte[REPORT_BYTES];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (byte) (i * 31);
        }
        DailyReport report = new DailyReport("2026-11-26", rows);
        for (int i = 0; i < REPORT_EXPORTS; i++) {
            AgentStandIn.writeObject(report, REPORT_CHANNEL);
        }
    }

    private static void saveSessions() {
        for (int i = 0; i < SESSIONS; i++) {
            Map<String, String> attributes = new HashMap<>();
            for (int a = 0; a < 200; a++) {
                attributes.put("attribute-" + a, "value-" + i + "-" + a);
            }
            AgentStandIn.writeObject(new CustomerSession("customer-" + i, attributes), SESSION_CHANNEL);
        }
    }
}

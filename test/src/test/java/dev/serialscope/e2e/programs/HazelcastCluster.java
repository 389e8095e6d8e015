package dev.serialscope.e2e.programs;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Two Hazelcast 5 members in one JVM, joined over TCP on 127.0.0.1 (no multicast, no phone-home), ports from the
 * arguments. The first member puts {@link #VALUES} Serializable quotes into the map "quotes" (Hazelcast falls back
 * to java serialization for them, on the caller's thread, into a buffer its I/O threads send to the owner and the
 * backup); the second member gets them all back (deserialized on its caller's thread from the bytes the owner
 * sent). Every quote serializes to the same number of bytes. Prints "members 2 put N got M".
 */
public final class HazelcastCluster {

    public static final int VALUES = 200;
    public static final String MAP = "quotes";

    public record Quote(String symbol, long cents, double[] history) implements Serializable {
    }

    private HazelcastCluster() {
    }

    /** The quote of one key: fixed-length strings and arrays, so that every value has the same serialized size. */
    public static Quote quote(int index) {
        double[] history = new double[32];
        for (int day = 0; day < history.length; day++) {
            history[day] = index + day / 100.0;
        }
        return new Quote(String.format("SYM%04d", index), 10_000L + index, history);
    }

    public static void main(String[] args) {
        int first = Integer.parseInt(args[0]);
        int second = Integer.parseInt(args[1]);
        // The first member knows only itself, so it is master at once; the second joins it.
        HazelcastInstance writer = Hazelcast.newHazelcastInstance(config(first, first));
        HazelcastInstance reader = Hazelcast.newHazelcastInstance(config(second, first));
        try {
            int members = reader.getCluster().getMembers().size();
            IMap<String, Quote> puts = writer.getMap(MAP);
            for (int i = 0; i < VALUES; i++) {
                puts.set("key-" + i, quote(i));
            }
            IMap<String, Quote> gets = reader.getMap(MAP);
            int got = 0;
            for (int i = 0; i < VALUES; i++) {
                Quote quote = gets.get("key-" + i);
                got += quote.symbol().equals(quote(i).symbol()) && Arrays.equals(quote.history(), quote(i).history())
                        ? 1 : 0;
            }
            System.out.println("members " + members + " put " + VALUES + " got " + got);
        } finally {
            reader.getLifecycleService().terminate();
            writer.getLifecycleService().terminate();
        }
    }

    private static Config config(int port, int... members) {
        Config config = new Config();
        config.setClusterName("serialscope-e2e-" + ProcessHandle.current().pid());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.partition.count", "31");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
        for (int member : members) {
            join.getTcpIpConfig().addMember("127.0.0.1:" + member);
        }
        return config;
    }
}

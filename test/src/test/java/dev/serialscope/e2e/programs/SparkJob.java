package dev.serialscope.e2e.programs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * A Spark 4 job in local mode whose map function looks prices up in a 1 MB table, over 40 partitions.
 * {@code captured}: the lambda captures the table, so it travels in the stage's task binary, which every
 * task deserializes again. {@code broadcast}: the lambda captures a broadcast variable instead. Prints
 * "matched N" (every element finds its price either way).
 */
public final class SparkJob {

    public static final int PARTITIONS = 40;
    static final int PRICES = 10_000;

    private SparkJob() {
    }

    public static void main(String[] args) {
        boolean broadcast = args.length > 0 && args[0].equals("broadcast");
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("SparkJob")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false");
        Map<String, String> prices = new HashMap<>();
        for (int i = 0; i < PRICES; i++) {
            prices.put(sku(i), "price of item " + i + ": " + "9".repeat(60));
        }
        List<Integer> items = IntStream.range(0, PRICES).boxed().collect(Collectors.toList());
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            spark.setLogLevel("WARN");
            long matched;
            if (broadcast) {
                Broadcast<Map<String, String>> table = spark.broadcast(prices);
                matched = spark.parallelize(items, PARTITIONS).filter(i -> table.value().containsKey(sku(i))).count();
            } else {
                matched = spark.parallelize(items, PARTITIONS).filter(i -> prices.containsKey(sku(i))).count();
            }
            System.out.println("matched " + matched);
        }
    }

    static String sku(int i) {
        return "sku-" + i;
    }
}

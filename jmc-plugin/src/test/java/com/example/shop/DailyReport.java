package com.example.shop;

import java.io.Serializable;

/** A big payload: one report is several MiB. */
public record DailyReport(String day, byte[] rows) implements Serializable {
}

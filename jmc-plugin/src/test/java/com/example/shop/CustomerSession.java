package com.example.shop;

import java.io.Serializable;
import java.util.Map;

/** A medium payload kept in an in-memory session store. */
public record CustomerSession(String customer, Map<String, String> attributes) implements Serializable {
}

package com.example.shop;

import java.io.Serializable;
import java.util.List;

/** A small message: many of them go over the socket. */
public record Order(long id, String customer, List<String> articles) implements Serializable {
}

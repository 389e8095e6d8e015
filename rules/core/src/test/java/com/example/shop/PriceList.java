package com.example.shop;

import java.io.Serializable;

/** A root class of the synthetic recordings; only its name and Class object are used. */
public final class PriceList implements Serializable {
    private static final long serialVersionUID = 1L;
}

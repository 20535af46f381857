package com.bulletiningest.enrich;

import java.math.BigDecimal;

/** A sum of money as printed without spaces ({@code 100亿元}) and in yuan. */
public record Amount(String text, BigDecimal yuan) {
}
